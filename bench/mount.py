#!/usr/bin/env python3
"""Generates the benchmark mount (about 1 GiB), or changes 1% of its files: mount.py generate|change DIR."""
import os, random, shutil, sys

def text(n, seed):
    line = f"{seed} lorem ipsum dolor sit amet, consectetur adipiscing elit {seed % 97}\n".encode()
    return (line * (n // len(line) + 1))[:n]

def generate(root):
    random.seed(1)
    for d in range(100):
        os.makedirs(f"{root}/small/d{d:03d}", exist_ok=True)
        for f in range(200):
            n = random.randint(1000, 32000)
            data = os.urandom(n) if f % 3 == 0 else text(n, d * 1000 + f)
            open(f"{root}/small/d{d:03d}/f{f:03d}.dat", "wb").write(data)
    os.makedirs(f"{root}/large", exist_ok=True)
    for i in range(4):
        with open(f"{root}/large/random-{i}.bin", "wb") as out:
            for _ in range(96):
                out.write(os.urandom(1 << 20))
    for i in range(2):
        with open(f"{root}/large/log-{i}.txt", "wb") as out:
            for block in range(64):
                out.write(text(1 << 20, i * 100 + block))
    # about 10% duplicated content
    os.makedirs(f"{root}/dups", exist_ok=True)
    shutil.copy(f"{root}/large/random-0.bin", f"{root}/dups/random-0-copy.bin")
    for d in range(10):
        shutil.copytree(f"{root}/small/d{d:03d}", f"{root}/dups/d{d:03d}")

def change(root):
    random.seed(2)
    for i in range(200):
        path = f"{root}/small/d{random.randrange(100):03d}/f{random.randrange(200):03d}.dat"
        data = bytearray(open(path, "rb").read())
        at = random.randrange(len(data))
        data[at:at + 64] = os.urandom(64)
        open(path, "wb").write(bytes(data))
    with open(f"{root}/large/log-0.txt", "ab") as out:
        out.write(text(1 << 20, 4242))
    os.makedirs(f"{root}/new", exist_ok=True)
    for i in range(10):
        open(f"{root}/new/n{i}.dat", "wb").write(os.urandom(20000))

{"generate": generate, "change": change}[sys.argv[1]](sys.argv[2])
