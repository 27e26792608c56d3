-- Reserved for issue #4 (the office queue on central). Filled by that work; kept so the numbering has no gap.
SELECT 1;
