-- Files that come with customers' emails, kept with their inbound message: the type is the one detected from the
-- bytes, never the one declared; the name is sanitised. A refused file keeps no bytes; an erasure of the customer
-- deletes bytes, name and hash and keeps the non-personal facts (type, size, status).
create table inbound_attachment (
    id                 uuid primary key,
    inbound_message_id uuid not null references inbound_message (id),
    position           integer not null,
    file_name          text,
    declared_type      text,
    media_type         text,
    size_bytes         bigint,
    sha256             text,
    content            bytea,
    status             text not null check (status in ('kept', 'refused')),
    reason             text check (reason in ('not-allowed-type', 'too-large', 'too-many', 'unreadable')),
    check ((status = 'kept') = (reason is null)),
    check (status = 'kept' or content is null)
);
create index inbound_attachment_message on inbound_attachment (inbound_message_id, position);

-- The kept files' metadata a contact made from an email publishes (JSON: id, fileName, mediaType, size).
alter table contact add column attachments text;
