-- A petition put into a release ships when the release is published: until then it keeps its
-- public status (petition.release_id names the release it is scheduled in), and the official words
-- to publish with the shipment wait here.
alter table petition add column shipping_response text;

-- Petitions marked shipped in a release that is not published yet were shown as shipped too early:
-- they go back to the status they had, scheduled in that release, and the history line that
-- announced the shipment is withdrawn; the publication writes it again.
with early as (
    select distinct on (h.petition_id) h.id, h.petition_id, h.from_status, h.response, r.version
    from petition_history h
    join petition p on p.id = h.petition_id
    join release r on r.id = p.release_id
    where p.status = 'SHIPPED' and r.published_at is null and h.to_status = 'SHIPPED'
      and h.from_status <> 'SHIPPED'
    order by h.petition_id, h.id desc),
reverted as (
    update petition p
    set status = e.from_status,
        shipping_response = coalesce(e.response, 'Shipped in ' || e.version || '.'),
        status_changed_at = coalesce((select max(h.at) from petition_history h
                                      where h.petition_id = p.id and h.id < e.id and h.from_status <> h.to_status),
                                     p.created_at)
    from early e
    where p.id = e.petition_id)
delete from petition_history h using early e where h.id = e.id;
