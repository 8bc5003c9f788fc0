"""Policy Briefs: annotated policy briefs on MkDocs and Material for MkDocs."""
