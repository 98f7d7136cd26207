# Hearth's N-API addon. Node-API keeps the ABI stable, so the one binary built here against the
# local Node headers also loads in Electron: no electron-rebuild step.
{
  'targets': [
    {
      'target_name': 'hearth_native',
      'sources': [
        'src/addon.cc',
        'src/cpu_info.cc',
        'src/cpu_topology.cc',
        'src/memory_bandwidth.cc',
        'src/npu_list.cc',
        'src/npu_windows.cc',
        'src/sys_files.cc',
        'src/x86_cpuid.cc',
      ],
      # node-addon-api by its include directory rather than as a gyp dependency: a dependency
      # outside this folder makes gyp write its makefiles into native/node_modules/.
      'include_dirs': ["<!(node -p \"require('node-addon-api').include_dir\")"],
      # C++ exceptions on: argument errors are thrown as Napi::Error, and the probes catch their own.
      'defines': ['NAPI_VERSION=8', 'NAPI_CPP_EXCEPTIONS', 'NODE_ADDON_API_DISABLE_DEPRECATED'],
      'cflags!': ['-fno-exceptions'],
      'cflags_cc!': ['-fno-exceptions'],
      'conditions': [
        ['OS=="win"', {
          'libraries': ['setupapi.lib', 'advapi32.lib'],
          'defines': ['NOMINMAX', 'UNICODE', '_UNICODE', '_HAS_EXCEPTIONS=1'],
          'msvs_settings': {
            'VCCLCompilerTool': { 'ExceptionHandling': 1, 'AdditionalOptions': ['/std:c++17', '/utf-8'] },
          },
        }],
        ['OS=="mac"', {
          'xcode_settings': { 'GCC_ENABLE_CPP_EXCEPTIONS': 'YES', 'CLANG_CXX_LANGUAGE_STANDARD': 'c++17' },
        }],
        ['OS=="linux"', {
          'cflags_cc': ['-std=c++17', '-Wall', '-Wextra'],
          'ldflags': ['-pthread'],
        }],
      ],
    },
  ],
}
