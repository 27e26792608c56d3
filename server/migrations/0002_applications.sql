-- Reserved for issue #5 (applications on central). Filled by that work; kept so the numbering has no gap.
SELECT 1;
