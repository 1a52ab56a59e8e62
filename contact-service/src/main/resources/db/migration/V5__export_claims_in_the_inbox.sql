-- The exports answered are claimed in the shared inbox now (building-blocks ExportParts), as in every service.
drop table export_request;
