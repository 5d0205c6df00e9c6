-- wrk script of ./forum bench: every request comes from a file the benchmark writes, one per line:
--   METHOD <TAB> PATH <TAB> HEADERS <TAB> BODY
-- where HEADERS are "Name: value" pairs separated by the byte 0x1F and BODY may be empty. Each wrk
-- thread walks the lines from its own starting point, round and round. "{n}" in a body becomes a
-- number no other request of the run uses, so that posts are never the same text twice.
-- Usage: wrk ... -s requests.lua <url> -- <requests file> <a word of this run>
-- (the word keeps one run's numbers apart from the last run's: the same text twice is refused)

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local requests = {}
local run = ""
local position = 1
local sent = 0

local function split(text, separator)
  local parts = {}
  local from = 1
  while true do
    local at = string.find(text, separator, from, true)
    if not at then
      table.insert(parts, string.sub(text, from))
      return parts
    end
    table.insert(parts, string.sub(text, from, at - 1))
    from = at + #separator
  end
end

function init(args)
  local file = assert(io.open(args[1], "r"), "cannot read " .. tostring(args[1]))
  for line in file:lines() do
    if #line > 0 then
      local fields = split(line, "\t")
      local headers = {}
      if fields[3] and #fields[3] > 0 then
        for _, pair in ipairs(split(fields[3], "\31")) do
          local colon = string.find(pair, ":", 1, true)
          headers[string.sub(pair, 1, colon - 1)] = string.gsub(string.sub(pair, colon + 1), "^%s+", "")
        end
      end
      local body = fields[4]
      if body == "" then body = nil end
      table.insert(requests, { method = fields[1], path = fields[2], headers = headers, body = body })
    end
  end
  file:close()
  run = args[2] or ""
  assert(#requests > 0, "no requests in " .. args[1])
  -- threads start spread over the list, so that they do not send the same request at the same moment
  position = (id * math.floor(#requests / 8)) % #requests + 1
end

function request()
  local r = requests[position]
  position = position % #requests + 1
  sent = sent + 1
  local body = r.body
  if body and string.find(body, "{n}", 1, true) then
    body = string.gsub(body, "{n}", run .. "-" .. id .. "-" .. sent)
  end
  return wrk.format(r.method, r.path, r.headers, body)
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d connect=%d read=%d write=%d status=%d timeout=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    errors.connect, errors.read, errors.write, errors.status, errors.timeout))
end
