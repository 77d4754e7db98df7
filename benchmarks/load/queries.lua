-- wrk script: GET /api/search over the queries of benchmarks/queries-demo.txt, round robin per thread.
-- Usage (from run.sh): wrk -t2 -c32 -d20s -s queries.lua http://127.0.0.1:PORT -- ../queries-demo.txt
local queries = {}
local counter = 0

local function urlencode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  local path = args[1] or "benchmarks/queries-demo.txt"
  for line in io.lines(path) do
    if line:match("%S") then table.insert(queries, urlencode(line)) end
  end
end

function request()
  counter = counter + 1
  local q = queries[(counter % #queries) + 1]
  return wrk.format("GET", "/api/search?q=" .. q .. "&page_size=10")
end
