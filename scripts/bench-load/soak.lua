-- deliveries.lua at a fixed rate: each connection waits DELAY_MS before each request,
-- about connections * 1000 / DELAY_MS requests per second (wrk2 is not in Debian; wrk
-- turns its delay() on only when the script defines one, so this is a file of its own).
--
--   wrk -t1 -c2 -d240s -s soak.lua http://127.0.0.1:PORT -- FILE PATH 0 DELAY_MS

dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "deliveries.lua")

function delay()
  return tonumber(extra)
end
