// drf/signals.hpp — the signal bus: typed signals (django.dispatch) and the model signals pre_save,
// post_save, pre_delete and post_delete (django.db.models.signals), listable and traceable.
#pragma once

#include <drf/signals/model_signals.hpp>
#include <drf/signals/signal.hpp>
