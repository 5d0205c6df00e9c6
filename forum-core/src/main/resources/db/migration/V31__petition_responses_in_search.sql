-- Search shows a petition's official responses and finds petitions by them. A response that leaves
-- the status as it is changes no column of the petition, so the trigger of V6 draws no new index
-- version for it; this one does, in the transaction that records the response, so the document
-- written after it carries a larger version than any copy made before.
create function petition_response_index_version() returns trigger language plpgsql as $$
begin
    update petition set index_version = nextval('petition_index_version_seq') where id = new.petition_id;
    return new;
end
$$;

create trigger petition_response_index_version after insert on petition_history for each row
    when (new.official and new.response is not null)
    execute function petition_response_index_version();
