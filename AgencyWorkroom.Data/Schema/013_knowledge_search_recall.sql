-- 013 knowledge search recall, from what ./workroom bench measured at x20 (issue 6). Over
-- 100,000 passages that are close variants of a few thousand (as a knowledge base of briefs,
-- reports and their revisions is), the HNSW scan at ef_search 100 found 86 % of the true top
-- 10. Measured over the benchmark's 30 questions, straight on the index:
--   ef_search   40: recall 0.81, 0.65 ms     200: recall 0.96, 1.9 ms
--              100: recall 0.86, 0.84 ms     400: recall 0.98, 3.1 ms     800: 1.00, 5.2 ms
-- 400 finds what an exact scan finds (0.99 through search_knowledge in the benchmark) for about
-- 3 ms of index scan. A denser graph (m 24, ef_construction 128: 40 s to build here) did worse
-- through the function (0.977 at 400, and 600 for 1.00 at twice the time), so 005's index stays.
select '[1]'::vector;  -- loads pgvector, so that its settings are known to the SET below
alter function agency.search_knowledge(vector, double precision, integer, jsonb) set hnsw.ef_search = 400;
