"""Abstractive summarization with Hugging Face seq2seq checkpoints: model specs, loading, the engine and its stages
(chunking, generation, stream, reduce), and its generation backends (transformers, CTranslate2)."""
