-- wrk script: POSTs the deliveries of a file from deliveries.mjs to one path, in turn,
-- and prints one tab-separated result line from done().
--
--   wrk -t1 -c8 -d10s -s deliveries.lua http://127.0.0.1:PORT -- FILE PATH [START]
--
-- START: the index of the first delivery sent (each round of a cell starts past the
-- deliveries the rounds before it sent, so a store sees new events). soak.lua is this
-- script at a fixed rate.

function init(args)
  file, path, start, extra = args[1], args[2], tonumber(args[3] or "0"), args[4]
  local f = assert(io.open(file, "r"))
  head, tail = f:read("*l"), f:read("*l")
  ids, sigs = {}, {}
  for line in f:lines() do
    local id, sig = line:match("^([^\t]+)\t(.+)$")
    if id then
      ids[#ids + 1], sigs[#sigs + 1] = id, sig
    end
  end
  f:close()
  n, sent, wrapped = #ids, 0, 0
end

function request()
  sent = sent + 1
  local i = (start + sent - 1) % n + 1
  if start + sent > n then wrapped = 1 end
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/json",
    ["X-Saleslab-Event"] = "deal.won",
    ["X-Saleslab-Signature"] = sigs[i],
  }, head .. ids[i] .. tail)
end

local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
end

-- RESULT rps p50_us p99_us p99.9_us requests non2xx_or_errors wrapped
function done(summary, latency, requests)
  local wrap = 0
  for _, t in ipairs(threads) do
    if t:get("wrapped") == 1 then wrap = 1 end
  end
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  io.write(string.format("RESULT\t%.1f\t%d\t%d\t%d\t%d\t%d\t%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99), latency:percentile(99.9),
    summary.requests, errors, wrap))
end
