"""Node error codes: the class each maps to, the code, and Node's message wording."""

from __future__ import annotations

import pytest

from trio_nodecompat import errors
from trio_nodecompat._internal import validators as v

#: Node error classes with a name of their own, whose code is not their name (Node's
#: ``AbortError`` has ``code 'ABORT_ERR'``): the class keeps Node's class name.
NAMED_CLASSES = {"ABORT_ERR": "AbortError"}


def test_every_code_class_has_its_code_and_is_a_node_error() -> None:
    for code, cls in errors.CODES.items():
        assert cls.code == code
        assert cls.__name__ == NAMED_CLASSES.get(code, code)
        assert issubclass(cls, errors.NodeError)


@pytest.mark.parametrize(
    ("cls", "builtins", "node_name"),
    [
        (errors.ERR_INVALID_ARG_TYPE, (TypeError,), "TypeError"),
        (errors.ERR_UNKNOWN_ENCODING, (TypeError,), "TypeError"),
        (errors.ERR_OUT_OF_RANGE, (ValueError, IndexError), "RangeError"),
        (errors.ERR_BUFFER_OUT_OF_BOUNDS, (ValueError, IndexError), "RangeError"),
        (errors.ERR_INDEX_OUT_OF_RANGE, (ValueError, IndexError), "RangeError"),
        (errors.ERR_INVALID_BUFFER_SIZE, (ValueError,), "RangeError"),
        (errors.ERR_UNHANDLED_ERROR, (Exception,), "Error"),
    ],
)
def test_class_mapping(
    cls: type[errors.NodeError], builtins: tuple[type, ...], node_name: str
) -> None:
    assert issubclass(cls, builtins)
    assert cls.name == node_name


def test_invalid_buffer_size_is_not_an_index_error() -> None:
    assert not issubclass(errors.ERR_INVALID_BUFFER_SIZE, IndexError)


def test_invalid_arg_type_single_type() -> None:
    err = errors.ERR_INVALID_ARG_TYPE("callback", "function", 1)
    assert err.code == "ERR_INVALID_ARG_TYPE"
    assert str(err) == 'The "callback" argument must be of type function. Received type int (1)'
    assert err.message == str(err)


def test_invalid_arg_type_mixed_expectations() -> None:
    err = errors.ERR_INVALID_ARG_TYPE("first argument", ["string", "Buffer", "bytearray"], None)
    assert str(err) == (
        "The first argument must be of type string or an instance of Buffer or bytearray. "
        "Received None"
    )
    err = errors.ERR_INVALID_ARG_TYPE("buf", ["Buffer", "bytearray", "memoryview"], 1)
    assert str(err) == (
        'The "buf" argument must be an instance of Buffer, bytearray, or memoryview. '
        "Received type int (1)"
    )
    err = errors.ERR_INVALID_ARG_TYPE("x", ["string", "Array-like object"], 1)
    assert str(err).startswith('The "x" argument must be of type string or an Array-like object.')
    err = errors.ERR_INVALID_ARG_TYPE("value", ["string", "number", "boolean"], [])
    assert str(err) == (
        'The "value" argument must be one of type string, number, or boolean. '
        "Received an instance of list"
    )


def test_invalid_arg_type_property_and_functions() -> None:
    def handler() -> None: ...

    err = errors.ERR_INVALID_ARG_TYPE("options.signal", "AbortSignal", handler)
    assert str(err) == (
        'The "options.signal" property must be an instance of AbortSignal. Received function handler'
    )


def test_received_values_are_cut_like_node() -> None:
    err = errors.ERR_INVALID_ARG_TYPE("x", "number", "a" * 40)
    assert str(err).endswith("Received type str ('aaaaaaaaaaaaaaaaaaaaaaaa...)")


def test_out_of_range_message_and_numeric_separator() -> None:
    err = errors.ERR_OUT_OF_RANGE("offset", ">= 0 and <= 3", 100)
    assert (
        str(err) == 'The value of "offset" is out of range. It must be >= 0 and <= 3. Received 100'
    )
    big = errors.ERR_OUT_OF_RANGE("value", ">= 0 and <= 255", 2**40)
    assert str(big).endswith("Received 1_099_511_627_776")
    assert str(errors.ERR_OUT_OF_RANGE("n", "an integer", 1.5)).endswith("Received 1.5")
    assert str(errors.ERR_OUT_OF_RANGE("n", "an integer", float("nan"))).endswith("Received NaN")


def test_other_messages() -> None:
    assert (
        str(errors.ERR_BUFFER_OUT_OF_BOUNDS()) == "Attempt to access memory outside buffer bounds"
    )
    assert str(errors.ERR_BUFFER_OUT_OF_BOUNDS("offset")) == '"offset" is outside of buffer bounds'
    assert (
        str(errors.ERR_INVALID_BUFFER_SIZE("16-bits"))
        == "Buffer size must be a multiple of 16-bits"
    )
    assert str(errors.ERR_UNKNOWN_ENCODING("nope")) == "Unknown encoding: nope"
    assert str(errors.ERR_UNHANDLED_ERROR()) == "Unhandled error."
    unhandled = errors.ERR_UNHANDLED_ERROR("boom")
    assert str(unhandled) == "Unhandled error. ('boom')"
    assert str(errors.ERR_UNHANDLED_ERROR({"a": [1]})) == "Unhandled error. ({ a: [ 1 ] })"
    assert str(errors.ERR_UNHANDLED_ERROR(None)) == "Unhandled error. (None)"
    assert errors.ERR_UNHANDLED_ERROR().context is None
    assert unhandled.context == "boom"
    assert str(errors.ERR_MISSING_ARGS("a")) == 'The "a" argument must be specified'
    assert str(errors.ERR_MISSING_ARGS("a", "b")) == 'The "a" and "b" arguments must be specified'
    assert (
        str(errors.ERR_MISSING_ARGS("a", "b", "c"))
        == 'The "a", "b", and "c" arguments must be specified'
    )
    assert str(errors.ERR_INVALID_ARG_VALUE("encoding", "x")) == (
        "The argument 'encoding' is invalid. Received 'x'"
    )
    assert str(errors.ERR_AMBIGUOUS_ARGUMENT("error/message", "reason")) == (
        'The "error/message" argument is ambiguous. reason'
    )
    assert str(errors.ERR_FALSY_VALUE_REJECTION(0)) == "Promise was rejected with falsy value"
    assert errors.ERR_FALSY_VALUE_REJECTION(0).reason == 0


def test_invalid_arg_value_range_variant() -> None:
    err = errors.ERR_INVALID_ARG_VALUE.RangeError("size", -1, "must be positive")
    assert isinstance(err, errors.ERR_INVALID_ARG_VALUE)
    assert isinstance(err, ValueError)
    assert err.code == "ERR_INVALID_ARG_VALUE"
    assert err.name == "RangeError"
    assert str(err) == "The argument 'size' must be positive. Received -1"


def test_no_loop_error_says_how_to_open_one() -> None:
    err = errors.NoLoopError("emit() with an async listener")
    assert isinstance(err, RuntimeError)
    assert "open_loop" in str(err) and "trio_nodecompat.run" in str(err)


def test_repr_is_class_and_message() -> None:
    assert repr(errors.ERR_INDEX_OUT_OF_RANGE()) == "ERR_INDEX_OUT_OF_RANGE('Index out of range')"


def test_validate_function() -> None:
    assert v.validate_function(len, "fn") is len
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        v.validate_function("nope", "listener")
    assert str(info.value) == (
        "The \"listener\" argument must be of type function. Received type str ('nope')"
    )


def test_validate_integer() -> None:
    assert v.validate_integer(3, "n") == 3
    assert v.validate_integer(3.0, "n") == 3
    assert type(v.validate_integer(3.0, "n")) is int
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        v.validate_integer("3", "n")
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        v.validate_integer(True, "n")
    with pytest.raises(errors.ERR_OUT_OF_RANGE, match="It must be an integer"):
        v.validate_integer(1.5, "n")
    with pytest.raises(errors.ERR_OUT_OF_RANGE, match="It must be an integer"):
        v.validate_integer(float("nan"), "n")
    with pytest.raises(errors.ERR_OUT_OF_RANGE, match=r"It must be >= 0 && <= 10\. Received 11"):
        v.validate_integer(11, "n", 0, 10)


def test_validate_number() -> None:
    assert v.validate_number(1.5, "n") == 1.5
    with pytest.raises(errors.ERR_OUT_OF_RANGE, match=r"It must be >= 0\. Received NaN"):
        v.validate_number(float("nan"), "n", 0)
    with pytest.raises(errors.ERR_OUT_OF_RANGE, match=r"It must be >= 0 && <= 1\."):
        v.validate_number(2, "n", 0, 1)
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        v.validate_number(None, "n")


def test_validate_int32_uint32() -> None:
    assert v.validate_int32(-5, "n") == -5
    assert v.validate_uint32(2**32 - 1, "n") == 2**32 - 1
    with pytest.raises(errors.ERR_OUT_OF_RANGE):
        v.validate_uint32(-1, "n")
    with pytest.raises(errors.ERR_OUT_OF_RANGE):
        v.validate_uint32(0, "n", positive=True)
    with pytest.raises(errors.ERR_OUT_OF_RANGE):
        v.validate_int32(2**31, "n")


def test_validate_string_boolean_one_of() -> None:
    assert v.validate_string("x", "s") == "x"
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        v.validate_string(b"x", "s")
    assert v.validate_boolean(False, "b") is False
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        v.validate_boolean(0, "b")
    assert v.validate_one_of("a", "mode", ["a", "b"]) == "a"
    with pytest.raises(errors.ERR_INVALID_ARG_VALUE, match="must be one of: 'a', 'b'"):
        v.validate_one_of("c", "mode", ["a", "b"])
