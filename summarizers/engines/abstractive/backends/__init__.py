"""Generation backends: plain transformers `generate`, and CTranslate2 (int8 on CPU) where a checkpoint converts."""
