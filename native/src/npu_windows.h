#pragma once

#if defined(_WIN32)
#include <vector>

#include "npu_list.h"

namespace hearth {

// NPUs as Windows exposes them: DXCore adapters that do machine learning but no graphics (the
// MCDM drivers of Intel, AMD and Qualcomm NPUs); when DXCore has none (older Windows, older
// drivers), the devices of the ComputeAccelerator setup class.
std::vector<Npu> ListWindowsNpus();

}  // namespace hearth
#endif
