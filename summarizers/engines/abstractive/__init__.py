"""Abstractive summarization with Hugging Face seq2seq checkpoints: model specs, loading, the chunk -> generate ->
reduce engine, and its generation backends (transformers, CTranslate2)."""
