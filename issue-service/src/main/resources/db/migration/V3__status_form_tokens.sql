-- One row per status-page form rendered: the SHA-256 of the form token in the page, the status link it belongs to and
-- when it stops being accepted. Redeeming deletes the row in the transaction that stores the customer's comment or
-- close, so a second submission of the same form (double click, back and resubmit) finds nothing and changes nothing.
create table status_form_token (
    token_hash        text primary key,
    status_token_hash text not null references status_token (token_hash) on delete cascade,
    expires_at        timestamptz not null
);
create index status_form_token_expiry on status_form_token (expires_at);
