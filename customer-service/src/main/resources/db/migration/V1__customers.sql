-- customer-service: the customer aggregate.

create table customer (
    id                uuid primary key,
    status            text not null check (status in ('active', 'merged', 'erased')),
    given_name        text,
    family_name       text,
    preferred_channel text check (preferred_channel in ('email', 'sms')),
    fallback_allowed  boolean not null default true,
    language          text,
    time_zone         text,
    quiet_start       time,
    quiet_end         time,
    consent_service   boolean not null default true,
    consent_marketing boolean not null default false,
    merged_into       uuid references customer (id),
    version           bigint not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    erased_at         timestamptz
);
create index customer_name on customer (lower(given_name || ' ' || coalesce(family_name, '')));
create index customer_merged_into on customer (merged_into);

create table customer_email (
    customer_id uuid not null references customer (id) on delete cascade,
    position    int not null,
    address     text not null,
    label       text,
    is_primary  boolean,
    primary key (customer_id, position)
);
create index customer_email_address on customer_email (lower(address));

create table customer_phone (
    customer_id uuid not null references customer (id) on delete cascade,
    position    int not null,
    number      text not null,
    label       text,
    is_primary  boolean,
    primary key (customer_id, position)
);
create index customer_phone_number on customer_phone (number);

create table customer_address (
    customer_id uuid not null references customer (id) on delete cascade,
    position    int not null,
    label       text,
    line1       text not null,
    line2       text,
    postal_code text,
    city        text not null,
    region      text,
    country     text not null,
    mailing     boolean,
    primary key (customer_id, position)
);

create table customer_external_reference (
    customer_id uuid not null references customer (id) on delete cascade,
    position    int not null,
    system      text not null,
    reference   text not null,
    region      text,
    primary key (customer_id, position)
);
create index customer_external_reference_value on customer_external_reference (reference, system);
