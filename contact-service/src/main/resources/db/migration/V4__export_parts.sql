-- Who logged a contact, by the name a customer reads (the token's `name` claim; never the login id): a subject-access
-- export names the people the customer dealt with. Staff data, not the customer's: it stays when the customer is
-- erased. Contacts logged before it existed have none.
alter table contact add column logged_by_name text;

-- The subject-access exports contact-service answered, one part each: a second request event for the same export
-- (a redelivery under another event id) contributes nothing new. Ids only, nothing personal.
create table export_request (
    export_id      uuid primary key,
    customer_id    uuid not null,
    contributed_at timestamptz not null
);
