-- Parts of a customer's SMS that arrived over SMPP in several deliver_sm (UDH or SAR concatenation), one row per
-- segment, kept until all are here (then joined into one reply) or anchor.sms.smpp.part-timeout passed (then what
-- arrived goes as one reply with gaps marked). sender_key is a SHA-256 of the E.164 number, so a joined group can keep
-- recognising a redelivered part for an hour after its number and text are gone (joined_at set, sender and text null).
create table sms_part (
    sender_key  text     not null,
    reference   integer  not null,
    total       smallint not null,
    segment     smallint not null,
    provider_id text     not null,
    sender      text,
    text        text,
    received_at timestamptz not null,
    joined_at   timestamptz,
    primary key (sender_key, reference, total, segment),
    check (segment between 1 and total),
    check ((joined_at is null) = (sender is not null and text is not null))
);

-- The sweep finds groups that waited too long, and joined rows that are no longer needed, without a full scan.
create index sms_part_waiting on sms_part (received_at) where joined_at is null;
create index sms_part_joined on sms_part (joined_at) where joined_at is not null;
