-- Photos and documents the customer sends with an issue (the status page's upload form). The type is the one detected
-- from the bytes, never the one the browser declared; the name is sanitised. An erasure of the customer deletes the
-- rows (bytes, name and hash are all about them); the trail keeps an erased "attachment added" entry.
create table issue_attachment (
    id          uuid primary key,
    issue_id    uuid not null references issue (id),
    customer_id uuid not null,
    file_name   text not null,
    media_type  text not null,
    size_bytes  bigint not null check (size_bytes > 0),
    sha256      text not null,
    content     bytea not null,
    uploaded_by text not null check (uploaded_by in ('customer')),
    created_at  timestamptz not null
);
create index issue_attachment_issue on issue_attachment (issue_id, created_at);
create index issue_attachment_customer on issue_attachment (customer_id);
