-- Files the customer emailed with a reply or a new issue: issue-service lists them with the issue (the page, staff,
-- the export) but their bytes stay with contact-service, which read the mail; the id is contact-service's.
alter table issue_attachment
    alter column content drop not null,
    alter column sha256 drop not null,
    add column channel text not null default 'web' check (channel in ('web', 'email')),
    add column contact_id uuid,
    add constraint issue_attachment_bytes_here check ((channel = 'web') = (content is not null and sha256 is not null)),
    add constraint issue_attachment_emailed_with check ((channel = 'email') = (contact_id is not null));
