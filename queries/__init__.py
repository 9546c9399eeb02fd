"""Named SPARQL queries shipped with newskg (one .rq file each)."""
