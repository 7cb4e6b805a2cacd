#include <rivet/debug/connection.hpp>
#include <rivet/support/error.hpp>

#include <algorithm>

namespace rivet::debug {

connection::connection(std::unique_ptr<rsp::transport> link) : link_(std::move(link)) {}

std::optional<incoming> connection::next(std::chrono::milliseconds timeout) {
    using clock = std::chrono::steady_clock;
    const auto deadline = clock::now() + timeout;
    for (;;) {
        while (auto event = decoder_.next()) {
            switch (event->type) {
                case rsp::event::kind::packet:
                    if (acks_) link_->write("+");
                    return incoming{incoming::kind::packet, std::move(event->payload)};
                case rsp::event::kind::interrupt:
                    return incoming{incoming::kind::interrupt, {}};
                case rsp::event::kind::nack:
                    if (!last_sent_.empty()) link_->write(rsp::encode_packet(last_sent_));
                    break;
                case rsp::event::kind::bad_checksum:
                case rsp::event::kind::malformed:
                case rsp::event::kind::overlong:
                    if (acks_) link_->write("-");
                    break;
                case rsp::event::kind::ack:
                    break;
            }
        }
        if (closed_) return incoming{incoming::kind::closed, {}};
        const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - clock::now());
        char buffer[4096];
        std::size_t n = 0;
        try {
            n = link_->read_some(buffer, sizeof buffer,
                                 std::max(left, std::chrono::milliseconds(0)));
        } catch (const error&) {
            closed_ = true;  // what the decoder still holds is handed out first
            continue;
        }
        if (n == 0) return std::nullopt;
        decoder_.feed(std::string_view(buffer, n));
    }
}

void connection::send(std::string_view payload) {
    last_sent_ = payload;
    link_->write(rsp::encode_packet(payload));
}

}  // namespace rivet::debug
