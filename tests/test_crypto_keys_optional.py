"""Without ``cryptography``: the module imports, and each key/cipher name says what to install.

The absence is simulated in a fresh interpreter whose import system refuses ``cryptography``,
so this test runs wherever the extra is installed (as it is for development).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = textwrap.dedent(
    """
    import sys

    class RefuseCryptography:
        def find_spec(self, name, path=None, target=None):
            if name == "cryptography" or name.startswith("cryptography."):
                raise ModuleNotFoundError(f"No module named {name!r}", name=name)
            return None

    sys.meta_path.insert(0, RefuseCryptography())

    from trio_nodecompat import crypto, errors

    assert crypto.constants.RSA_PKCS1_OAEP_PADDING == 4
    assert "cryptography" not in sys.modules
    calls = {
        "create_private_key": lambda: crypto.create_private_key("pem"),
        "create_public_key": lambda: crypto.create_public_key("pem"),
        "create_secret_key": lambda: crypto.create_secret_key(b"k"),
        "generate_key_pair_sync": lambda: crypto.generate_key_pair_sync("ed25519"),
        "generate_key_pair": lambda: crypto.generate_key_pair("ed25519", print),
        "generate_key_sync": lambda: crypto.generate_key_sync("aes", length=128),
        "generate_key": lambda: crypto.generate_key("aes", print, length=128),
        "sign": lambda: crypto.sign(None, b"x", "k"),
        "verify": lambda: crypto.verify(None, b"x", "k", b"s"),
        "create_sign": lambda: crypto.create_sign("sha256"),
        "create_verify": lambda: crypto.create_verify("sha256"),
        "create_cipheriv": lambda: crypto.create_cipheriv("aes-128-gcm", bytes(16), bytes(12)),
        "create_decipheriv": lambda: crypto.create_decipheriv("aes-128-gcm", bytes(16), bytes(12)),
        "get_ciphers": crypto.get_ciphers,
        "get_curves": crypto.get_curves,
        "public_encrypt": lambda: crypto.public_encrypt("k", b"x"),
        "private_decrypt": lambda: crypto.private_decrypt("k", b"x"),
        "private_encrypt": lambda: crypto.private_encrypt("k", b"x"),
        "public_decrypt": lambda: crypto.public_decrypt("k", b"x"),
        "create_ecdh": lambda: crypto.create_ecdh("prime256v1"),
        "diffie_hellman": lambda: crypto.diffie_hellman({}),
        "KeyObject": lambda: crypto.KeyObject(),
        "X509Certificate": lambda: crypto.X509Certificate(b""),
        "ECDH": lambda: crypto.ECDH("prime256v1"),
        "ECDH.convert_key": lambda: crypto.ECDH.convert_key("00", "prime256v1"),
        "Sign": lambda: crypto.Sign("sha256"),
        "Cipheriv": lambda: crypto.Cipheriv("aes-128-gcm", bytes(16), bytes(12)),
    }
    for name, call in calls.items():
        try:
            call()
        except ImportError as exc:
            assert isinstance(exc, errors.MissingCryptoExtraError), name
            assert "pip install 'trio_nodecompat[crypto]'" in str(exc), str(exc)
            assert f"crypto.{name} " in str(exc), str(exc)
            assert exc.name == "cryptography"
        else:
            raise AssertionError(f"{name} did not raise")
    assert not isinstance(object(), crypto.KeyObject)
    assert set(crypto.__all__) <= set(dir(crypto))
    print("ok", len(calls))
    """
)


def test_crypto_imports_without_cryptography_and_names_the_extra() -> None:
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", SCRIPT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok 27"


def test_the_extra_is_declared() -> None:
    text = (ROOT / "pyproject.toml").read_text()
    assert 'crypto = ["cryptography>=42"]' in text
    assert "crypto]" in text.split("dev = ", 1)[1].splitlines()[0]
