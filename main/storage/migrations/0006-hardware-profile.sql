-- The last hardware profile, so a start-up does not wait for the probe (memory bandwidth, GPUs):
-- one row, used only while its key (app and engine build, CPU, core count, memory, platform, GPU
-- choice) still matches the machine; the profile is JSON, re-validated by whoever reads it.
CREATE TABLE hardware_profile (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  cache_key  TEXT NOT NULL,
  profile    TEXT NOT NULL,
  probed_at  INTEGER NOT NULL
);
