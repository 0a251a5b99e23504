// drf/serializers/formats.hpp — the field kinds whose parsers use std::regex: DateField, TimeField,
// DateTimeField with format/input_formats, RegexField, SlugField, URLField, IPAddressField and
// FilePathField; DurationField, whose parse_duration does without, stays with its temporal kin. Apart
// from <drf/serializers.hpp> because instantiating <regex> costs every translation unit that includes it
// about 1.5 s at -O0; <drf/drf.hpp> includes both.
#pragma once

#include <drf/serializers.hpp>
#include <drf/serializers/kinds/date.hpp>
#include <drf/serializers/kinds/datetime_format.hpp>
#include <drf/serializers/kinds/duration.hpp>
#include <drf/serializers/kinds/file_path.hpp>
#include <drf/serializers/kinds/time.hpp>
#include <drf/serializers/kinds/validated_text.hpp>
