"""Run the lagebild pipeline on Apache Spark (PySpark) over WARC or JSONL archives."""
