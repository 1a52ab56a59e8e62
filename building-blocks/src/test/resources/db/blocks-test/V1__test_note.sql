-- The test application's one table: a row its handlers write, so a test can see whether a transaction committed.
create table test_note (
    id      uuid primary key,
    subject uuid not null,
    text    text not null
);
