"""util.types brand checks, with the Python values that play each JavaScript role.

JavaScript value            Python analogue (see docs/modules/util.types.rst)
--------------------------  ---------------------------------------------------------------
``new ArrayBuffer()``       ``bytearray()``: the fixed store of bytes that views share
``new SharedArrayBuffer()`` ``mmap.mmap(-1, n)``: memory that can be shared across processes
``new Int8Array()``         ``array.array('b')``: a typed array of signed bytes
``Buffer.from('...')``      ``Buffer.from_('...')``
``new DataView(buf)``       ``memoryview(buf)``: an untyped view over a buffer
``arguments``               ``inspect.signature(f).bind(*args)``: the arguments of one call
"""

import array
import inspect
import mmap

from trio_nodecompat.buffer import Buffer
from trio_nodecompat.util import types

print(types.is_any_array_buffer(bytearray()))
with mmap.mmap(-1, 16) as shared:
    print(types.is_any_array_buffer(shared))
print(types.is_array_buffer_view(array.array("b")))
print(types.is_array_buffer_view(Buffer.from_("hello world")))
print(types.is_array_buffer_view(memoryview(bytearray(16))))
print(types.is_array_buffer_view(bytearray()))


def foo(*args):
    arguments = inspect.signature(foo).bind(*args)
    return types.is_arguments_object(arguments)


print(foo())


def not_async():
    pass


async def is_async():
    pass


print(types.is_async_function(not_async))
print(types.is_async_function(is_async))
