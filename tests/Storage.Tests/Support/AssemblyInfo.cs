// Test clusters and one PostgreSQL share two cores: run one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
