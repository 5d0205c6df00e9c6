-- The points shop: items members redeem with points (coupons, merchandise codes), in limited stock.
-- stock is what is still on offer: a redemption takes a unit with a conditional update (never below
-- zero, the check below being the last guard) and a cancelled or expired one gives it back.
create table shop_item (
    id             bigint generated always as identity primary key,
    title_en       varchar(120)  not null,
    title_zh       varchar(120)  not null,
    description_en varchar(2000) not null default '',
    description_zh varchar(2000) not null default '',
    kind           varchar(12)   not null check (kind in ('COUPON', 'MERCHANDISE')),
    price          int           not null check (price > 0),
    stock          int           not null check (stock >= 0),
    -- how many units one member may hold (redeemed and not cancelled); null for the shop's limit
    per_member_limit int check (per_member_limit > 0),
    active         boolean       not null,
    created_at     timestamptz   not null,
    updated_at     timestamptz   not null
);

-- A redemption sets the price aside as a points hold: captured when staff fulfil it, released when
-- the member cancels it or the hold expires. request_key is the client's Idempotency-Key (or the
-- form's token), so a double click redeems once.
create table shop_redemption (
    id          bigint generated always as identity primary key,
    item_id     bigint       not null references shop_item (id),
    member_id   bigint       not null references member (id),
    price       int          not null check (price > 0),
    hold_id     bigint       not null unique references points_hold (id),
    request_key varchar(100) not null,
    state       varchar(10)  not null check (state in ('PENDING', 'FULFILLED', 'CANCELLED', 'EXPIRED')),
    created_at  timestamptz  not null,
    settled_at  timestamptz,
    -- the staff member who fulfilled it
    settled_by  bigint references member (id),
    unique (member_id, request_key)
);
create index shop_redemption_member_idx on shop_redemption (member_id, id desc);
create index shop_redemption_state_idx on shop_redemption (state, id);
create index shop_redemption_item_member_idx on shop_redemption (item_id, member_id) where state in ('PENDING', 'FULFILLED');

-- Codes an admin loads for an item (a coupon code, a strap's redemption code), each handed out once,
-- to the redemption it was fulfilled with.
create table shop_code (
    id            bigint generated always as identity primary key,
    item_id       bigint       not null references shop_item (id),
    code          varchar(100) not null,
    redemption_id bigint unique references shop_redemption (id),
    loaded_at     timestamptz  not null,
    unique (item_id, code)
);
create index shop_code_free_idx on shop_code (item_id, id) where redemption_id is null;

-- Admins' adjustments, listed newest first for the audit.
create index ledger_entry_adjustment_idx on ledger_entry (id desc) where reason = 'adjustment';
