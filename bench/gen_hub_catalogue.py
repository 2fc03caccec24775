#!/usr/bin/env python3
"""Writes N Hugging Face Hub model records in the shapes the Hub really publishes, as JSON Lines.

    bench/gen_hub_catalogue.py --models 2000000 --out hub.jsonl [--seed 1]

Three shapes, mixed the way a dump of the Hub mixes them:
  - 60% the old /api/models/{id} answer (as in the public 2022 scrape of the whole Hub):
    modelId and no id, no author, no createdAt; pipeline_tag null in a third, library_name
    absent in a quarter, downloads absent in 1%; sha, config (null or a small object),
    siblings (a median of 8 files, 1% with 50 to 680), tags (a fifth with none, most 4 to
    11, 1% up to 127);
  - 30% the web listing (as in the 2026 daily scrape): id, author, authorData, gated,
    numParameters (null in 95%, else a float), availableInferenceProviders, widgetOutputUrls,
    and the scraper's own sizes, min_size (a float with more digits than a double holds),
    trending, mined_date;
  - 10% the full API answer: safetensors.total, cardData.base_model (a string or a list),
    baseModels.models, gated ("manual", "auto" or false), downloadsAllTime, trendingScore.
Ids are unique; 0.5% have no namespace. With 100,000 records or more, one record lists
25,000 files (about 1.7 MB, as the Hub's largest does). The distributions were read off the
real records in ../shared/real (not shipped with the project); the numbers are written here.
"""
import argparse
import json
import random

TASKS = ["text-generation", "text-classification", "fill-mask", "text2text-generation",
         "automatic-speech-recognition", "token-classification", "translation", "question-answering",
         "conversational", "feature-extraction", "sentence-similarity", "image-classification",
         "text-to-image", "summarization", "object-detection", "zero-shot-classification"]
LIBRARIES = ["transformers"] * 12 + ["sentence-transformers", "espnet", "adapter-transformers", "spacy",
                                     "speechbrain", "keras", "diffusers", "timm", "peft", "gguf"]
COMMON_TAGS = ["transformers", "pytorch", "autonlp_compatible", "infinity_compatible", "en", "jax", "gpt2",
               "bert", "model-index", "tensorboard", "huggingtweets", "generated_from_trainer", "tf", "roberta",
               "t5", "wav2vec2", "marian", "distilbert", "safetensors", "region:us", "endpoints_compatible",
               "autotrain_compatible", "text-generation-inference", "dataset:wikipedia", "de", "fr", "zh"]
LICENSES = ["apache-2.0", "mit", "cc-by-4.0", "openrail", "llama3", "other", "cc-by-nc-4.0", "gpl-3.0"]
FILES = [".gitattributes", "README.md", "config.json", "pytorch_model.bin", "tokenizer.json",
         "tokenizer_config.json", "special_tokens_map.json", "vocab.txt", "merges.txt", "model.safetensors",
         "tf_model.h5", "flax_model.msgpack", "training_args.bin", "vocab.json", "generation_config.json"]
SYLLABLES = ["ka", "zu", "mi", "ra", "to", "ne", "xi", "lo", "va", "qi", "an", "el", "or", "us", "ix", "em"]
WORDS = ["bert", "gpt2", "roberta", "t5", "wav2vec2", "llama", "mistral", "qwen", "phi", "gemma", "bge",
         "whisper", "vit", "deberta", "electra", "marian", "opus-mt", "distil", "sentiment", "ner", "squad",
         "finetuned", "base", "large", "small", "tiny", "v2", "uncased", "cased", "chat", "instruct", "lora"]


def author(rng):
    if rng.random() < 0.3:
        return rng.choice(["google", "facebook", "microsoft", "Helsinki-NLP", "huggingtweets", "sentence-transformers",
                           "nvidia", "openai", "EleutherAI", "bigscience", "TheBloke", "unsloth", "mlx-community"])
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) + (str(rng.randint(0, 999)) if rng.random() < 0.4 else "")


def name(rng, i):
    return "-".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4))) + "-" + format(i, "x")


def stamp(rng, year0, year1):
    return "%04d-%02d-%02dT%02d:%02d:%02d.000Z" % (rng.randint(year0, year1), rng.randint(1, 12), rng.randint(1, 28),
                                                   rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59))


def tags(rng, task, license):
    r = rng.random()
    n = 0 if r < 0.2 else rng.randint(20, 127) if r > 0.99 else rng.randint(3, 10)
    out = [] if n == 0 else rng.sample(COMMON_TAGS, min(n, len(COMMON_TAGS)))
    while len(out) < n:
        out.append("dataset:" + "".join(rng.choice(SYLLABLES) for _ in range(3)))
    if n and task:
        out.append(task)
    if n and license:
        out.append("license:" + license)
    return out


def siblings(rng, giant=False):
    if giant:
        n = 25000
    else:
        r = rng.random()
        n = 1 if r < 0.1 else rng.randint(50, 680) if r > 0.99 else rng.randint(2, 14)
    files = [FILES[k % len(FILES)] if k < len(FILES) else "checkpoints/step%d/model_states.pt" % k for k in range(n)]
    return [{"rfilename": f} for f in files]


def downloads(rng):
    return int(rng.paretovariate(0.6)) - 1


def old_shape(rng, mid, giant):
    task = None if rng.random() < 0.32 else rng.choice(TASKS)
    lic = rng.choice(LICENSES) if rng.random() < 0.3 else None
    r = {"modelId": mid, "sha": "%040x" % rng.getrandbits(160), "lastModified": stamp(rng, 2019, 2022),
         "tags": tags(rng, task, lic), "pipeline_tag": task, "siblings": siblings(rng, giant),
         "config": None if rng.random() < 0.28 else {"architectures": [rng.choice(WORDS).capitalize() + "Model"],
                                                    "model_type": rng.choice(WORDS)},
         "private": False}
    if rng.random() < 0.74:
        r["library_name"] = rng.choice(LIBRARIES)
    r["likes"] = int(rng.paretovariate(1.5)) - 1
    if rng.random() < 0.99:
        r["downloads"] = downloads(rng)
    return r


def listing_shape(rng, mid, who):
    task = rng.choice(TASKS)
    params = None if rng.random() < 0.95 else float(rng.randint(1, 70000) * 1000000)
    g = rng.random()
    gated = False if g < 0.95 else ("manual" if g < 0.98 else "auto")
    size = rng.randint(1, 20000) * 1000000
    return {"author": who, "authorData": {"_id": "%024x" % rng.getrandbits(96),
                                          "avatarUrl": "https://cdn-avatars.huggingface.co/v1/production/uploads/%024x/a.png" % rng.getrandbits(96),
                                          "fullname": who.capitalize(), "name": who, "type": rng.choice(["org", "user"]),
                                          "isHf": False, "isHfAdmin": False, "isMod": False, "plan": "team",
                                          "followerCount": rng.randint(0, 20000), "isUserFollowing": False},
            "downloads": downloads(rng), "gated": gated, "id": mid, "availableInferenceProviders": [],
            "lastModified": stamp(rng, 2023, 2026), "likes": int(rng.paretovariate(1.2)) - 1, "pipeline_tag": task,
            "private": False, "repoType": "model", "isLikedByUser": False,
            "widgetOutputUrls": None if rng.random() < 0.5 else [], "numParameters": params,
            "sizes": " | ".join("%dMBxet" % rng.randint(50, 900) for _ in range(rng.randint(1, 8))),
            "min_size": "__FLOAT__%d.8000000007__END__" % size, "max_size": float(size * 3), "trending": rng.randint(1, 99),
            "mined_date": "%02d-%02d-2026" % (rng.randint(1, 28), rng.randint(1, 12))}


def api_shape(rng, mid, who, bases):
    r = listing_shape(rng, mid, who)
    for k in ("sizes", "min_size", "max_size", "trending", "mined_date"):
        del r[k]
    r["createdAt"] = stamp(rng, 2023, 2026)
    total = rng.randint(1, 70000) * 1000000 + rng.randint(0, 999999)
    if rng.random() < 0.6:
        r["safetensors"] = {"parameters": {"BF16": total}, "total": total}
    r["tags"] = tags(rng, r["pipeline_tag"], rng.choice(LICENSES))
    r["library_name"] = rng.choice(LIBRARIES)
    r["siblings"] = siblings(rng)
    if bases and rng.random() < 0.5:
        b = rng.sample(bases, rng.choice([1, 1, 1, 2]))
        r["cardData"] = {"base_model": b[0] if len(b) == 1 and rng.random() < 0.7 else b, "license": "apache-2.0"}
    if bases and rng.random() < 0.4:
        r["baseModels"] = {"relation": rng.choice(["finetune", "quantized", "adapter", "merge"]),
                           "models": [{"id": rng.choice(bases)}]}
    g = rng.random()
    r["gated"] = False if g < 0.9 else ("manual" if g < 0.96 else "auto")
    r["downloadsAllTime"] = r["downloads"] * rng.randint(2, 20)
    r["trendingScore"] = rng.randint(0, 300) if rng.random() < 0.3 else 0
    return r


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--models", type=int, required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    rng = random.Random(a.seed)
    giant_at = a.models // 2 if a.models >= 100000 else -1
    bases = []
    with open(a.out, "w", encoding="utf-8") as out:
        for i in range(a.models):
            who = author(rng)
            mid = name(rng, i) if rng.random() < 0.005 else who + "/" + name(rng, i)
            shape = rng.random()
            if shape < 0.6 or i == giant_at:
                r = old_shape(rng, mid, i == giant_at)
            elif shape < 0.9:
                r = listing_shape(rng, mid, who)
            else:
                r = api_shape(rng, mid, who, bases)
            if len(bases) < 5000 and rng.random() < 0.01:
                bases.append(mid)
            line = json.dumps(r, separators=(", ", ": "))
            # a number with more digits than a double holds, written as the Hub writes it
            out.write(line.replace('"__FLOAT__', "").replace('__END__"', "") + "\n")


if __name__ == "__main__":
    main()
