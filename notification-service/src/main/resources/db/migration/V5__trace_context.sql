-- The trace of the change that made a message (W3C traceparent; null when tracing is off), so its send is a span of
-- that trace even though it happens later, from the queue.
alter table notification add column traceparent text;
