// An SVD's text cut down to some of its peripherals: a scan of the
// <peripherals> section that finds where each peripheral starts and ends and
// its name, and gives up on anything it does not know how to skip.
#include "excerpt.hpp"

#include <cstring>

#include "xml_util.hpp"

namespace rivet::svd {

namespace {

class outline_scanner {
public:
    explicit outline_scanner(std::string_view text) : text_(text) {}

    std::optional<svd_outline> run() {
        svd_outline outline;
        const std::size_t open = text_.find("<peripherals>");
        if (open == npos) return std::nullopt;
        pos_ = outline.section_begin = open + std::strlen("<peripherals>");
        while (true) {
            skip_space();
            if (starts_with("</peripherals>")) break;
            if (!starts_with("<peripheral") || pos_ + 11 >= text_.size()) return std::nullopt;
            const char after = text_[pos_ + 11];
            if (!is_space(after) && after != '>') return std::nullopt;
            svd_outline::peripheral p{"", pos_, 0};
            if (!skip_open_tag()) return std::nullopt;
            const std::size_t close = closing_tag();
            if (close == npos || !leading_name(p.name, close)) return std::nullopt;
            p.end = pos_ = close + std::strlen("</peripheral>");
            outline.names.insert(p.name);
            outline.peripherals.push_back(std::move(p));
        }
        outline.section_end = pos_;
        return outline;
    }

private:
    static constexpr std::size_t npos = std::string_view::npos;

    bool starts_with(std::string_view what) const {
        return text_.substr(pos_, what.size()) == what;
    }
    void skip_space() {
        while (pos_ < text_.size() && is_space(text_[pos_])) ++pos_;
    }

    // From '<' past the tag's '>', over quoted attribute values; false for
    // a tag that closes itself.
    bool skip_open_tag() {
        char quote = 0;
        for (++pos_; pos_ < text_.size(); ++pos_) {
            const char c = text_[pos_];
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                const bool empty = text_[pos_ - 1] == '/';
                ++pos_;
                return !empty;
            }
        }
        return false;
    }

    // Where the peripheral whose content starts at pos_ closes; npos when
    // markup that could hide a closing tag (comment, CDATA, processing
    // instruction) comes first. Tag by tag: memchr finds each '<'.
    std::size_t closing_tag() const {
        const char* const data = text_.data();
        for (std::size_t at = pos_; at < text_.size(); ++at) {
            const void* lt = std::memchr(data + at, '<', text_.size() - at);
            if (lt == nullptr) return npos;
            at = static_cast<std::size_t>(static_cast<const char*>(lt) - data);
            const char next = at + 1 < text_.size() ? text_[at + 1] : '\0';
            if (next == '!' || next == '?') return npos;
            if (next == '/' && text_.substr(at, 13) == "</peripheral>") return at;
        }
        return npos;
    }

    // The peripheral's <name>, found among its first children, each of them
    // an element holding plain text (no markup, no entity references).
    bool leading_name(std::string& name, std::size_t limit) {
        std::size_t at = pos_;
        while (true) {
            while (at < limit && is_space(text_[at])) ++at;
            if (at >= limit || text_[at] != '<' || text_.substr(at, 2) == "</") return false;
            std::size_t tag_end = at + 1;
            while (tag_end < limit && !is_space(text_[tag_end]) && text_[tag_end] != '>' &&
                   text_[tag_end] != '/')
                ++tag_end;
            if (tag_end >= limit || text_[tag_end] != '>') return false;
            const std::string_view tag = text_.substr(at + 1, tag_end - at - 1);
            const std::size_t content = tag_end + 1;
            const std::size_t lt = text_.find('<', content);
            if (lt >= limit || text_.substr(lt + 2, tag.size()) != tag ||
                text_.substr(lt, 2) != "</" || lt + 2 + tag.size() >= limit ||
                text_[lt + 2 + tag.size()] != '>')
                return false;
            const std::string_view value = text_.substr(content, lt - content);
            if (tag == "name") {
                if (value.find('&') != npos) return false;
                name = trimmed(value);
                return true;
            }
            at = lt + 3 + tag.size();
        }
    }

    std::string_view text_;
    std::size_t pos_ = 0;
};

}  // namespace

std::optional<svd_outline> outline_svd(std::string_view text) {
    return outline_scanner(text).run();
}

std::string svd_excerpt(std::string_view text, const svd_outline& outline,
                        const std::unordered_set<std::string>& keep) {
    std::string out(text.substr(0, outline.section_begin));
    for (const svd_outline::peripheral& p : outline.peripherals) {
        if (keep.contains(p.name)) out.append(text.substr(p.begin, p.end - p.begin));
    }
    out.append(text.substr(outline.section_end));
    return out;
}

}  // namespace rivet::svd
