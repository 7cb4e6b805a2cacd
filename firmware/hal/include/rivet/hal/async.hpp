// Where the async interfaces will go (not implemented yet; this header only
// fixes the shape so that blocking and async code read alike). See
// firmware/hal/README.md, "Async variants".
//
// - Same names, same arguments, same error types; the async concept lives
//   in rivet::hal::async and each operation returns an awaitable whose
//   co_await yields the same result<T, E> the blocking call returns:
//       auto r = co_await uart.read(buffer);       // result<size_t, E>
//       co_await pin.wait_for_rising_edge();       // result<void, E>
//       co_await i2c.transaction(address, ops);    // result<void, E>
// - The operation descriptions (spi::operation, i2c::operation) and the
//   error kinds are shared unchanged, so a driver's bytes are the same in
//   both worlds and only `co_await` differs.
// - Awaitables are objects with storage inside the coroutine frame (no
//   heap): the executor's static task storage holds them.
// - A type may satisfy both the blocking and the async concept; the async
//   one never blocks the core, the blocking one may.
#pragma once

namespace rivet::hal::async {}
