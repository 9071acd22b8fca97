"""The two-stage review workflow, without Qt: stages and transitions, the publishable
content and its hash, sign-offs signed with the reviewers' keys, the residual scan,
staleness, and linked reports."""
