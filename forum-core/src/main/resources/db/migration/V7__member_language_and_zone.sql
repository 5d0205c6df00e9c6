-- A member's language (a BCP 47 tag such as zh-CN) and time zone (an IANA id such as Asia/Shanghai).
-- Null means "not chosen": pages then follow the browser, e-mails the forum's default language.
alter table member add column language text;
alter table member add column time_zone text;
