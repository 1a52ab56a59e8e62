-- customer-service: subject access exports, assembled from the parts the other services publish on export.parts.
-- Both tables hold personal data: erasure and the retention purge delete them.

create table export_job (
    id           uuid primary key,
    customer_id  uuid not null references customer (id),
    requested_at timestamptz not null
);
create index export_job_customer on export_job (customer_id);
create index export_job_requested_at on export_job (requested_at);

-- one part per contributing service and export: a second one is ignored
create table export_part (
    export_id   uuid not null references export_job (id) on delete cascade,
    service     text not null,
    part        jsonb not null,
    received_at timestamptz not null,
    primary key (export_id, service)
);
