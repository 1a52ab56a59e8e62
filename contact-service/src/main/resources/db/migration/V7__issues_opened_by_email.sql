-- An email to the organisation's address from a known customer opens an issue.

-- The customers' email addresses as digests (sha-256 of the address in lower case): enough to recognise a sender,
-- never an address to write to. An address two customers share names both, and then neither is chosen.
create table customer_email (
    address_digest text not null,
    customer_id    uuid not null,
    primary key (address_digest, customer_id)
);
create index customer_email_customer on customer_email (customer_id);

-- The subject of the email a contact is (origin customer-email): it titles the issue the email opens.
alter table contact add column subject text;
