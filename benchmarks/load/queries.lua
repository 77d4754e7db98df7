-- wrk script: GET a search path over the queries of a file, round robin per thread.
-- Usage (from run.sh): wrk -t2 -c32 -d60s -s queries.lua URL -- PATH QUERIES MODE
--   PATH     /api/search (the API) or / (the search page)
--   QUERIES  a file of queries, one per line (benchmarks/queries-demo.txt)
--   MODE     repeat: the same 60 requests over and over (what the answer cache serves);
--            unique: each request carries a never-repeated `_` parameter, which search ignores,
--            so no request is answered from the cache (every one is searched and rendered)
local queries = {}
local counter = 0
local path = "/api/search"
local mode = "repeat"
local thread_id = 0

local function urlencode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

function init(args)
  path = args[1] or path
  local file = args[2] or "benchmarks/queries-demo.txt"
  mode = args[3] or mode
  for line in io.lines(file) do
    if line:match("%S") then table.insert(queries, urlencode(line)) end
  end
end

function request()
  counter = counter + 1
  local q = queries[(counter % #queries) + 1]
  local target = path .. "?q=" .. q
  if path == "/api/search" then target = target .. "&page_size=10" end
  if mode == "unique" then target = target .. "&_=" .. thread_id .. "-" .. counter end
  return wrk.format("GET", target)
end
