#pragma once
#include "low/bottom.hpp"
