// Only compiled into something on Windows. Both APIs are optional at run time: dxcore.dll is
// loaded by hand (it is missing before Windows 10 2004), and every failure gives an empty list.
#if defined(_WIN32)
#include "npu_windows.h"

#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <windows.h>
// windows.h first: these two rely on its types.
#include <dxcore_interface.h>
#include <setupapi.h>
#include <wrl/client.h>

#include <cstdint>
#include <string>

namespace hearth {
namespace {

using Microsoft::WRL::ComPtr;

// Spelled out rather than taken from the SDK: DXCORE_ADAPTER_ATTRIBUTE_D3D12_GENERIC_ML only
// exists in recent SDKs, and a locally named copy cannot collide with the SDK's definitions.
constexpr GUID kAttributeGenericMl = {0xb71b0d41, 0x1088, 0x422f, {0xa2, 0x7c, 0x02, 0x50, 0xb7, 0xd3, 0xa9, 0x88}};
constexpr GUID kAttributeD3D12Graphics = {
    0x0c9ece4d, 0x2f6e, 0x4f01, {0x8c, 0x96, 0xe8, 0x9e, 0x33, 0x1b, 0x47, 0xb1}};
// The interfaces' IIDs, for the same reason and because __uuidof is MSVC-only.
constexpr GUID kIidAdapterFactory = {0x78ee5945, 0xc36e, 0x4b13, {0xa6, 0x69, 0x00, 0x5d, 0xd1, 0x1c, 0x0f, 0x06}};
constexpr GUID kIidAdapterList = {0x526c7776, 0x40e9, 0x459b, {0xb7, 0x11, 0xf3, 0x2a, 0xd7, 0x6d, 0xfc, 0x28}};
constexpr GUID kIidAdapter = {0xf0db4c7f, 0xfe5a, 0x42a2, {0xbd, 0x62, 0xf2, 0xa6, 0xcf, 0x6f, 0xc8, 0x3e}};
// GUID_DEVCLASS_COMPUTEACCELERATOR, used only if looking the class up by name fails.
constexpr GUID kComputeAcceleratorClass = {
    0xf01a9d53, 0x3ff6, 0x48d2, {0x9f, 0x97, 0xc8, 0xa7, 0x00, 0x4b, 0xe1, 0x0c}};

std::string VendorName(uint32_t id) {
  switch (id) {
    case 0x8086:
      return "Intel";
    case 0x1022:
    case 0x1002:
      return "AMD";
    case 0x17cb:
    case 0x4D4F4351:  // "QCOM", the ACPI vendor id Qualcomm's Windows drivers report
      return "Qualcomm";
    default:
      return "Unknown";
  }
}

std::string Utf8(const wchar_t* text) {
  if (text == nullptr || *text == L'\0') return "";
  const int size = WideCharToMultiByte(CP_UTF8, 0, text, -1, nullptr, 0, nullptr, nullptr);
  if (size <= 1) return "";
  std::string value(static_cast<size_t>(size), '\0');
  WideCharToMultiByte(CP_UTF8, 0, text, -1, value.data(), size, nullptr, nullptr);
  value.resize(static_cast<size_t>(size - 1));
  return value;
}

std::vector<Npu> ListDxcore() {
  std::vector<Npu> npus;
  // Kept loaded: DXCore objects may outlive this call inside the OS, and unloading buys nothing.
  HMODULE library = LoadLibraryExW(L"dxcore.dll", nullptr, LOAD_LIBRARY_SEARCH_SYSTEM32);
  if (library == nullptr) return npus;
  using CreateFactory = HRESULT(WINAPI*)(REFIID, void**);
  // Through void(*)(): GetProcAddress's FARPROC has no parameters, and GCC warns on a direct cast.
  const auto create = reinterpret_cast<CreateFactory>(
      reinterpret_cast<void (*)()>(GetProcAddress(library, "DXCoreCreateAdapterFactory")));
  if (create == nullptr) return npus;

  ComPtr<IDXCoreAdapterFactory> factory;
  if (FAILED(create(kIidAdapterFactory, reinterpret_cast<void**>(factory.GetAddressOf())))) return npus;
  ComPtr<IDXCoreAdapterList> list;
  if (FAILED(factory->CreateAdapterList(1, &kAttributeGenericMl, kIidAdapterList,
                                        reinterpret_cast<void**>(list.GetAddressOf())))) {
    return npus;
  }
  for (uint32_t i = 0; i < list->GetAdapterCount(); ++i) {
    ComPtr<IDXCoreAdapter> adapter;
    if (FAILED(list->GetAdapter(i, kIidAdapter, reinterpret_cast<void**>(adapter.GetAddressOf())))) {
      continue;
    }
    // GPUs also do generic ML; an NPU is the adapter that does it without graphics.
    if (adapter->IsAttributeSupported(kAttributeD3D12Graphics)) continue;
    bool hardware = false;
    if (adapter->IsPropertySupported(DXCoreAdapterProperty::IsHardware) &&
        SUCCEEDED(adapter->GetProperty(DXCoreAdapterProperty::IsHardware, sizeof(hardware), &hardware)) &&
        !hardware) {
      continue;
    }
    Npu npu;
    DXCoreHardwareID id = {};
    const bool hasId = adapter->IsPropertySupported(DXCoreAdapterProperty::HardwareID) &&
                       SUCCEEDED(adapter->GetProperty(DXCoreAdapterProperty::HardwareID, sizeof(id), &id));
    npu.vendor = hasId ? VendorName(id.vendorID) : "Unknown";
    size_t size = 0;
    if (adapter->IsPropertySupported(DXCoreAdapterProperty::DriverDescription) &&
        SUCCEEDED(adapter->GetPropertySize(DXCoreAdapterProperty::DriverDescription, &size)) && size > 1) {
      std::string description(size, '\0');
      if (SUCCEEDED(adapter->GetProperty(DXCoreAdapterProperty::DriverDescription, size, description.data()))) {
        npu.name = description.c_str();
      }
    }
    if (npu.name.empty()) npu.name = npu.vendor + " NPU";
    // DXCore does not name the driver service; SetupAPI does, but matching the two lists up is
    // not worth it for a label.
    npus.push_back(std::move(npu));
  }
  return npus;
}

std::string DeviceProperty(HDEVINFO set, SP_DEVINFO_DATA& device, DWORD property) {
  wchar_t buffer[512] = {0};
  if (!SetupDiGetDeviceRegistryPropertyW(set, &device, property, nullptr, reinterpret_cast<BYTE*>(buffer),
                                         sizeof(buffer) - sizeof(wchar_t), nullptr)) {
    return "";
  }
  return Utf8(buffer);
}

std::vector<Npu> ListComputeAcceleratorClass() {
  std::vector<Npu> npus;
  GUID classGuid = kComputeAcceleratorClass;
  DWORD found = 0;
  GUID looked = {};
  if (SetupDiClassGuidsFromNameW(L"ComputeAccelerator", &looked, 1, &found) && found >= 1) classGuid = looked;
  HDEVINFO set = SetupDiGetClassDevsW(&classGuid, nullptr, nullptr, DIGCF_PRESENT);
  if (set == INVALID_HANDLE_VALUE) return npus;
  SP_DEVINFO_DATA device = {};
  device.cbSize = sizeof(device);
  for (DWORD i = 0; SetupDiEnumDeviceInfo(set, i, &device); ++i) {
    Npu npu;
    npu.name = DeviceProperty(set, device, SPDRP_FRIENDLYNAME);
    if (npu.name.empty()) npu.name = DeviceProperty(set, device, SPDRP_DEVICEDESC);
    npu.vendor = DeviceProperty(set, device, SPDRP_MFG);
    if (npu.vendor.empty()) npu.vendor = "Unknown";
    if (npu.name.empty()) npu.name = npu.vendor + " NPU";
    const std::string service = DeviceProperty(set, device, SPDRP_SERVICE);
    if (!service.empty()) npu.driver = service;
    npus.push_back(std::move(npu));
  }
  SetupDiDestroyDeviceInfoList(set);
  return npus;
}

}  // namespace

std::vector<Npu> ListWindowsNpus() {
  std::vector<Npu> npus = ListDxcore();
  if (npus.empty()) npus = ListComputeAcceleratorClass();
  return npus;
}

}  // namespace hearth
#endif
