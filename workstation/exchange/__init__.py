"""Work packets between a coordinator's workstation and reviewers' laptops (docs/work-packets.md)."""
