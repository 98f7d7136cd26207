// The module's JavaScript face. Each export validates its arguments (the only errors that reach
// JavaScript), runs the plain C++ probe, and turns the result into plain objects. A probe that
// fails answers null; main/hardware/nativeAddon.ts checks every answer's shape before use.
#include <napi.h>

#include <cmath>
#include <exception>
#include <optional>
#include <string>
#include <thread>

#include "cpu_info.h"
#include "cpu_topology.h"
#include "memory_bandwidth.h"
#include "npu_list.h"

namespace hearth {
namespace {

constexpr const char* kRealSysRoot = "/sys";

Napi::Value OptionalInt(Napi::Env env, const std::optional<int>& value) {
  return value ? Napi::Number::New(env, *value) : env.Null();
}

// Optional first argument of cpuTopology() and npus(): the root of a recorded /sys tree (tests).
std::string SysRootArgument(const Napi::CallbackInfo& info, const char* name) {
  if (info.Length() > 1) throw Napi::TypeError::New(info.Env(), std::string(name) + "(sysRoot?) takes at most one argument");
  if (info.Length() == 0 || info[0].IsUndefined()) return kRealSysRoot;
  if (!info[0].IsString() || info[0].As<Napi::String>().Utf8Value().empty()) {
    throw Napi::TypeError::New(info.Env(), std::string(name) + "(sysRoot?): sysRoot must be a non-empty string");
  }
  return info[0].As<Napi::String>().Utf8Value();
}

// A whole number in [min, max], or a TypeError/RangeError naming the argument.
int IntegerArgument(const Napi::CallbackInfo& info, size_t index, const char* what, int min, int max) {
  if (!info[index].IsNumber()) throw Napi::TypeError::New(info.Env(), std::string(what) + " must be a number");
  const double value = info[index].As<Napi::Number>().DoubleValue();
  if (!std::isfinite(value) || std::floor(value) != value || value < min || value > max) {
    throw Napi::RangeError::New(info.Env(), std::string(what) + " must be a whole number from " + std::to_string(min) +
                                                " to " + std::to_string(max));
  }
  return static_cast<int>(value);
}

Napi::Value CpuInfoExport(const Napi::CallbackInfo& info) {
  const Napi::Env env = info.Env();
  if (info.Length() != 0) throw Napi::TypeError::New(env, "cpuInfo() takes no arguments");
  CpuInfo cpu;
  try {
    cpu = ReadCpuInfo();
  } catch (const std::exception&) {
    return env.Null();
  }
  Napi::Object result = Napi::Object::New(env);
  result.Set("arch", cpu.arch);
  result.Set("vendor", cpu.vendor);
  result.Set("brand", cpu.brand);
  result.Set("family", OptionalInt(env, cpu.family));
  result.Set("model", OptionalInt(env, cpu.model));
  Napi::Array features = Napi::Array::New(env, cpu.features.size());
  for (uint32_t i = 0; i < cpu.features.size(); ++i) features.Set(i, cpu.features[i]);
  result.Set("features", features);
  return result;
}

Napi::Value CpuTopologyExport(const Napi::CallbackInfo& info) {
  const Napi::Env env = info.Env();
  const std::string sysRoot = SysRootArgument(info, "cpuTopology");
  CpuTopology topology;
  try {
    topology = ReadCpuTopology(sysRoot, sysRoot == kRealSysRoot);
  } catch (const std::exception&) {
    return env.Null();
  }
  Napi::Object result = Napi::Object::New(env);
  result.Set("logical", topology.logical);
  result.Set("physical", topology.physical);
  result.Set("performance", OptionalInt(env, topology.performance));
  result.Set("efficiency", OptionalInt(env, topology.efficiency));
  return result;
}

Napi::Value NpusExport(const Napi::CallbackInfo& info) {
  const Napi::Env env = info.Env();
  const std::string sysRoot = SysRootArgument(info, "npus");
  std::vector<Npu> npus;
  try {
    npus = ListNpus(sysRoot);
  } catch (const std::exception&) {
    return env.Null();
  }
  Napi::Array result = Napi::Array::New(env, npus.size());
  for (uint32_t i = 0; i < npus.size(); ++i) {
    Napi::Object npu = Napi::Object::New(env);
    npu.Set("name", npus[i].name);
    npu.Set("vendor", npus[i].vendor);
    npu.Set("driver", npus[i].driver ? Napi::Value(Napi::String::New(env, *npus[i].driver)) : env.Null());
    result.Set(i, npu);
  }
  return result;
}

// The probe keeps every core busy for the whole measurement, so it runs on the libuv pool and
// answers with a promise: the JavaScript thread (Electron's main process) stays responsive.
class BandwidthWorker : public Napi::AsyncWorker {
 public:
  BandwidthWorker(Napi::Env env, int milliseconds, std::optional<int> threads)
      : Napi::AsyncWorker(env, "hearth:memoryBandwidth"),
        deferred_(Napi::Promise::Deferred::New(env)),
        milliseconds_(milliseconds),
        threads_(threads) {}

  Napi::Promise Promise() const { return deferred_.Promise(); }

 protected:
  void Execute() override {
    try {
      int threads = threads_.value_or(0);
      if (threads == 0) threads = ReadCpuTopology(kRealSysRoot, true).physical;
      if (threads <= 0) threads = static_cast<int>(std::thread::hardware_concurrency());
      result_ = MeasureMemoryBandwidth(milliseconds_, threads > 0 ? threads : 1);
    } catch (const std::exception&) {
      result_.reset();
    }
  }

  void OnOK() override {
    const Napi::Env env = Env();
    if (!result_) {
      deferred_.Resolve(env.Null());
      return;
    }
    Napi::Object result = Napi::Object::New(env);
    result.Set("gbPerSecond", result_->gbPerSecond);
    result.Set("threads", result_->threads);
    result.Set("bytes", static_cast<double>(result_->bytes));
    result.Set("seconds", result_->seconds);
    result.Set("bufferBytes", static_cast<double>(result_->bufferBytes));
    deferred_.Resolve(result);
  }

  void OnError(const Napi::Error&) override { deferred_.Resolve(Env().Null()); }

 private:
  Napi::Promise::Deferred deferred_;
  int milliseconds_;
  std::optional<int> threads_;
  std::optional<BandwidthResult> result_;
};

Napi::Value MemoryBandwidthExport(const Napi::CallbackInfo& info) {
  const Napi::Env env = info.Env();
  if (info.Length() < 1 || info.Length() > 2) {
    throw Napi::TypeError::New(env, "memoryBandwidth(ms, threads?) takes one or two arguments");
  }
  const int milliseconds = IntegerArgument(info, 0, "memoryBandwidth(ms): ms", 1, 10000);
  std::optional<int> threads;
  if (info.Length() == 2 && !info[1].IsUndefined()) {
    threads = IntegerArgument(info, 1, "memoryBandwidth(ms, threads): threads", 1, 256);
  }
  auto* worker = new BandwidthWorker(env, milliseconds, threads);  // deletes itself when done
  const Napi::Promise promise = worker->Promise();
  worker->Queue();
  return promise;
}

}  // namespace
}  // namespace hearth

// At global scope: NODE_API_MODULE pastes the name into an identifier.
static Napi::Object InitHearthNative(Napi::Env env, Napi::Object exports) {
  using namespace hearth;
  exports.Set("cpuInfo", Napi::Function::New(env, CpuInfoExport, "cpuInfo"));
  exports.Set("cpuTopology", Napi::Function::New(env, CpuTopologyExport, "cpuTopology"));
  exports.Set("npus", Napi::Function::New(env, NpusExport, "npus"));
  exports.Set("memoryBandwidth", Napi::Function::New(env, MemoryBandwidthExport, "memoryBandwidth"));
  return exports;
}

NODE_API_MODULE(hearth_native, InitHearthNative)
