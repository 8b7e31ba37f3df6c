"""Tiny seq2seq models built locally, so the real loading and generation code runs without downloads.

A SentencePiece model trained on the seed texts with a small MT5Config stands in for mT5 XL-Sum; a byte-level BPE
from the `tokenizers` package with a small BartConfig stands in for distilBART. Their weights are random, so their
output is gibberish: tests assert structure, limits and behaviour, never wording.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*"))


def build_tiny_mt5(
    directory: Path, symbols: tuple[str, ...] = (), config_extra: dict[str, object] | None = None
) -> Path:
    """`symbols`: pieces kept whole in the vocabulary (a language map's tokens); `config_extra`: more config fields."""
    import sentencepiece as spm
    import torch
    from transformers import AutoTokenizer, MT5Config, MT5ForConditionalGeneration

    directory.mkdir(parents=True, exist_ok=True)
    spm.SentencePieceTrainer.train(
        input=[str(path) for path in SEEDS],
        model_prefix=str(directory / "spiece"),
        vocab_size=800,
        pad_id=0,
        eos_id=1,
        unk_id=2,
        bos_id=-1,
        character_coverage=1.0,
        user_defined_symbols=list(symbols),
        minloglevel=2,
    )
    (directory / "tokenizer_config.json").write_text(
        json.dumps(
            {
                "tokenizer_class": "T5Tokenizer",
                "extra_ids": 0,
                "eos_token": "</s>",
                "pad_token": "<pad>",
                "unk_token": "<unk>",
            }
        )
    )
    tokenizer = AutoTokenizer.from_pretrained(directory)
    torch.manual_seed(0)
    config = MT5Config(
        vocab_size=len(tokenizer), d_model=32, d_kv=8, d_ff=64, num_layers=2, num_decoder_layers=2, num_heads=4,
        decoder_start_token_id=0, pad_token_id=0, eos_token_id=1, **(config_extra or {}),
    )  # fmt: skip
    MT5ForConditionalGeneration(config).save_pretrained(directory)
    tokenizer.save_pretrained(directory)
    return directory


# Shaped like mT5_m2m_crossSum's `task_specific_params["langid_map"]`: language name -> [index, start token].
TINY_LANGID_MAP = {"english": [0, "<extra_id_57>"], "hindi": [1, "<extra_id_59>"], "bengali": [2, "<extra_id_61>"]}


def build_tiny_crosssum(directory: Path) -> Path:
    """A tiny many-to-many cross-language model: mT5 whose decoder starts at the target language's token, taken from
    the language map in its config, as csebuetnlp/mT5_m2m_crossSum does."""
    symbols = tuple(str(token) for _, token in TINY_LANGID_MAP.values())
    return build_tiny_mt5(directory, symbols, {"task_specific_params": {"langid_map": TINY_LANGID_MAP}})


def build_tiny_bart(directory: Path, max_positions: int = 256) -> Path:
    import torch
    from tokenizers import ByteLevelBPETokenizer
    from tokenizers.processors import TemplateProcessing
    from transformers import BartConfig, BartForConditionalGeneration, PreTrainedTokenizerFast

    directory.mkdir(parents=True, exist_ok=True)
    bpe = ByteLevelBPETokenizer()
    bpe.train([str(path) for path in SEEDS], vocab_size=600, special_tokens=["<s>", "<pad>", "</s>", "<unk>", "<mask>"])
    bpe.post_processor = TemplateProcessing(
        single="<s> $A </s>", pair="<s> $A </s> $B </s>", special_tokens=[("<s>", 0), ("</s>", 2)]
    )
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=bpe._tokenizer, bos_token="<s>", eos_token="</s>", pad_token="<pad>", unk_token="<unk>",
        mask_token="<mask>",
    )  # fmt: skip
    torch.manual_seed(0)
    config = BartConfig(
        vocab_size=len(tokenizer), d_model=32, encoder_layers=2, decoder_layers=2, encoder_attention_heads=4,
        decoder_attention_heads=4, encoder_ffn_dim=64, decoder_ffn_dim=64, max_position_embeddings=max_positions,
        pad_token_id=1, bos_token_id=0, eos_token_id=2, decoder_start_token_id=2, forced_bos_token_id=0,
    )  # fmt: skip
    BartForConditionalGeneration(config).save_pretrained(directory)
    tokenizer.save_pretrained(directory)
    return directory


def build_tiny_encoder_only(directory: Path) -> Path:
    """A model of the wrong kind (no decoder), to check the error users get."""
    from transformers import BertConfig, BertModel

    directory.mkdir(parents=True, exist_ok=True)
    BertModel(BertConfig(vocab_size=100, hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                         intermediate_size=32)).save_pretrained(directory)  # fmt: skip
    return directory


NLI_LABELS = {0: "entailment", 1: "neutral", 2: "contradiction"}


def build_tiny_nli(directory: Path) -> Path:
    """A tiny DeBERTa-v2 three-way classifier (entailment, neutral, contradiction) with a WordPiece tokenizer trained
    on the seeds: the shape of mDeBERTa XNLI, random weights."""
    import torch
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, trainers
    from tokenizers.processors import TemplateProcessing
    from transformers import DebertaV2Config, DebertaV2ForSequenceClassification, PreTrainedTokenizerFast

    directory.mkdir(parents=True, exist_ok=True)
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    wordpiece = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    wordpiece.normalizer = normalizers.NFC()
    wordpiece.pre_tokenizer = pre_tokenizers.Whitespace()
    wordpiece.train([str(path) for path in SEEDS], trainers.WordPieceTrainer(vocab_size=800, special_tokens=specials))
    wordpiece.post_processor = TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1", special_tokens=[("[CLS]", 2), ("[SEP]", 3)]
    )
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=wordpiece, pad_token="[PAD]", unk_token="[UNK]", cls_token="[CLS]", sep_token="[SEP]",
        mask_token="[MASK]",
    )  # fmt: skip
    torch.manual_seed(0)
    config = DebertaV2Config(
        vocab_size=len(tokenizer), hidden_size=32, num_hidden_layers=2, num_attention_heads=4, intermediate_size=64,
        max_position_embeddings=512, relative_attention=True, position_buckets=64, pos_att_type=["p2c", "c2p"],
        position_biased_input=False, num_labels=3, id2label=NLI_LABELS,
        label2id={label: index for index, label in NLI_LABELS.items()}, pad_token_id=0,
    )  # fmt: skip
    DebertaV2ForSequenceClassification(config).save_pretrained(directory)
    tokenizer.save_pretrained(directory)
    return directory


def build_deberta_tokenizer(directory: Path, texts: list[str], vocab_size: int = 8000) -> Any:
    """A DeBERTa-v2 tokenizer (SentencePiece unigram, as mDeBERTa's) trained on `texts`: about as many pieces per word
    as the real one, where the seed-trained WordPiece above cuts words into two or three."""
    import sentencepiece as spm
    from transformers import DebertaV2Tokenizer

    directory.mkdir(parents=True, exist_ok=True)
    lines = (line for text in texts for line in text.splitlines() if line.strip())
    spm.SentencePieceTrainer.train(
        sentence_iterator=lines, model_prefix=str(directory / "spm"), vocab_size=vocab_size, model_type="unigram",
        character_coverage=1.0, hard_vocab_limit=False, num_threads=1, minloglevel=2,
    )  # fmt: skip
    model = spm.SentencePieceProcessor(model_file=str(directory / "spm.model"))
    specials = ["[PAD]", "[CLS]", "[SEP]", "[UNK]", "[MASK]"]  # mDeBERTa's order
    pieces = [(model.id_to_piece(i), model.get_score(i)) for i in range(model.get_piece_size())]
    vocab = [(token, 0.0) for token in specials] + [
        (piece, score) for piece, score in pieces if piece not in ("<unk>", "<s>", "</s>")
    ]
    return DebertaV2Tokenizer(vocab=vocab, unk_id=specials.index("[UNK]"))
