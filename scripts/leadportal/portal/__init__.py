"""The portal model: the validated records enriched with coordinates and derived fields, which
every renderer reads, and the checks on it (unplaced and stale sites)."""
