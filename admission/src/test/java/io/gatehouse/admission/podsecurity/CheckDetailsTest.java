package io.gatehouse.admission.podsecurity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each check's reason and detail, byte for byte: the cases of upstream's {@code
 * policy/check_*_test.go} as data (the pods rewritten as YAML), plus cases for the plural and
 * combined forms their code produces.
 */
class CheckDetailsTest {

  private record Case(String name, CheckFn check, String pod, String reason, String detail) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> forbidden() {
    return Stream.of(
        new Case(
            "appArmorProfile unconfined pod",
            AppArmorProfileCheck::appArmorProfile_1_0,
            """
            spec:
              securityContext: {appArmorProfile: {type: Unconfined}}
            """,
            "forbidden AppArmor profile",
            "pod must not set AppArmor profile type to \"Unconfined\""),
        new Case(
            "appArmorProfile unconfined container",
            AppArmorProfileCheck::appArmorProfile_1_0,
            """
            spec:
              securityContext: {appArmorProfile: {type: RuntimeDefault}}
              containers: [{name: foo, securityContext: {appArmorProfile: {type: Unconfined}}}]
            """,
            "forbidden AppArmor profile",
            "container \"foo\" must not set AppArmor profile type to \"Unconfined\""),
        new Case(
            "appArmorProfile unconfined init container",
            AppArmorProfileCheck::appArmorProfile_1_0,
            """
            spec:
              securityContext: {appArmorProfile: {type: RuntimeDefault}}
              containers: [{name: foo}]
              initContainers: [{name: bar, securityContext: {appArmorProfile: {type: Unconfined}}}]
            """,
            "forbidden AppArmor profile",
            "container \"bar\" must not set AppArmor profile type to \"Unconfined\""),
        new Case(
            "appArmorProfile multiple annotations",
            AppArmorProfileCheck::appArmorProfile_1_0,
            """
            metadata:
              annotations:
                container.apparmor.security.beta.kubernetes.io/: bogus
                container.apparmor.security.beta.kubernetes.io/a: ''
                container.apparmor.security.beta.kubernetes.io/b: runtime/default
                container.apparmor.security.beta.kubernetes.io/c: localhost/
                container.apparmor.security.beta.kubernetes.io/d: localhost/foo
                container.apparmor.security.beta.kubernetes.io/e: unconfined
                container.apparmor.security.beta.kubernetes.io/f: unknown
            """,
            "forbidden AppArmor profiles",
            "annotations must not set AppArmor profile type to "
                + "\"container.apparmor.security.beta.kubernetes.io/=\"bogus\"\", "
                + "\"container.apparmor.security.beta.kubernetes.io/e=\"unconfined\"\", "
                + "\"container.apparmor.security.beta.kubernetes.io/f=\"unknown\"\""),
        new Case(
            "appArmorProfile pod, containers and annotation",
            AppArmorProfileCheck::appArmorProfile_1_0,
            """
            metadata:
              annotations: {container.apparmor.security.beta.kubernetes.io/a: "un\\"confined"}
            spec:
              securityContext: {appArmorProfile: {type: Unconfined}}
              containers:
              - {name: a, securityContext: {appArmorProfile: {type: Unconfined}}}
              - {name: b, securityContext: {appArmorProfile: {}}}
            """,
            "forbidden AppArmor profiles",
            "pod and containers \"a\", \"b\" and annotation must not set AppArmor profile type to "
                + "\"\", \"Unconfined\", "
                + "\"container.apparmor.security.beta.kubernetes.io/a=\"un\\\"confined\"\""),
        new Case(
            "capabilities_baseline multiple containers",
            CapabilitiesBaselineCheck::capabilitiesBaseline_1_0,
            """
            spec:
              containers:
              - {name: a, securityContext: {capabilities: {add: [FOO, BAR]}}}
              - {name: b, securityContext: {capabilities: {add: [BAR, BAZ]}}}
            """,
            "non-default capabilities",
            "containers \"a\", \"b\" must not include \"BAR\", \"BAZ\", \"FOO\" in"
                + " securityContext.capabilities.add"),
        new Case(
            "capabilities_restricted multiple containers",
            CapabilitiesRestrictedCheck::capabilitiesRestricted_1_22,
            """
            spec:
              containers:
              - {name: a, securityContext: {capabilities: {add: [FOO, BAR]}}}
              - {name: b, securityContext: {capabilities: {add: [BAR, BAZ]}}}
              - {name: c, securityContext: {capabilities: {add: [NET_BIND_SERVICE, CHOWN], drop: [ALL, FOO]}}}
            """,
            "unrestricted capabilities",
            "containers \"a\", \"b\" must set securityContext.capabilities.drop=[\"ALL\"]; "
                + "containers \"a\", \"b\", \"c\" must not include \"BAR\", \"BAZ\", \"CHOWN\","
                + " \"FOO\" in securityContext.capabilities.add"),
        new Case(
            "capabilities_restricted no security context",
            CapabilitiesRestrictedCheck::capabilitiesRestricted_1_25,
            """
            spec:
              containers: [{name: a}]
            """,
            "unrestricted capabilities",
            "container \"a\" must set securityContext.capabilities.drop=[\"ALL\"]"),
        new Case(
            "hostNamespaces multiple host namespaces",
            HostNamespacesCheck::hostNamespaces_1_0,
            """
            spec: {hostNetwork: true, hostIPC: true, hostPID: true}
            """,
            "host namespaces",
            "hostNetwork=true, hostPID=true, hostIPC=true"),
        new Case(
            "hostPathVolumes host path volumes",
            HostPathVolumesCheck::hostPathVolumes_1_0,
            """
            spec:
              volumes: [{name: a, hostPath: {}}, {name: b, hostPath: {}}, {name: c, emptyDir: {}}]
            """,
            "hostPath volumes",
            "volumes \"a\", \"b\""),
        new Case(
            "hostPorts one container, one host port",
            HostPortsCheck::hostPorts_1_0,
            """
            spec:
              containers:
              - {name: a, ports: [{hostPort: 0}]}
              - {name: b, ports: [{hostPort: 0}, {hostPort: 20}]}
            """,
            "hostPort",
            "container \"b\" uses hostPort 20"),
        new Case(
            "hostPorts multiple containers, multiple host ports",
            HostPortsCheck::hostPorts_1_0,
            """
            spec:
              containers:
              - {name: a, ports: [{hostPort: 0}]}
              - {name: b, ports: [{hostPort: 0}, {hostPort: 10}, {hostPort: 20}]}
              - {name: c, ports: [{hostPort: 0}, {hostPort: 10}, {hostPort: 30}]}
            """,
            "hostPort",
            "containers \"b\", \"c\" use hostPorts 10, 20, 30"),
        new Case(
            "hostPorts sorted as strings",
            HostPortsCheck::hostPorts_1_0,
            """
            spec:
              containers: [{name: a, ports: [{hostPort: 8080}, {hostPort: 443}, {hostPort: 80}]}]
            """,
            "hostPort",
            "container \"a\" uses hostPorts 443, 80, 8080"),
        new Case(
            "hostPorts defaulted from containerPort with hostNetwork",
            HostPortsCheck::hostPorts_1_0,
            """
            spec:
              hostNetwork: true
              containers: [{name: a, ports: [{containerPort: 9090}]}]
            """,
            "hostPort",
            "container \"a\" uses hostPort 9090"),
        new Case(
            "hostProbesAndHostLifecycle local host IPs",
            HostProbesAndHostLifecycleCheck::hostProbesAndHostLifecycle_1_34,
            """
            spec:
              containers:
              - name: a
                livenessProbe: {httpGet: {host: 127.0.0.1}}
                readinessProbe: {tcpSocket: {host: '::1'}}
                startupProbe: {httpGet: {host: localhost}}
            """,
            "probe or lifecycle host",
            "container \"a\" uses probe or lifecycle hosts \"127.0.0.1\", \"::1\", \"localhost\""),
        new Case(
            "hostProbesAndHostLifecycle poststart tcpsocket host",
            HostProbesAndHostLifecycleCheck::hostProbesAndHostLifecycle_1_34,
            """
            spec:
              containers: [{name: d, lifecycle: {postStart: {tcpSocket: {host: invalid.host}}}}]
            """,
            "probe or lifecycle host",
            "container \"d\" uses probe or lifecycle host \"invalid.host\""),
        new Case(
            "hostProbesAndHostLifecycle multiple containers with multiple hosts",
            HostProbesAndHostLifecycleCheck::hostProbesAndHostLifecycle_1_34,
            """
            spec:
              containers:
              - {name: valid}
              - {name: invalid1, livenessProbe: {httpGet: {host: a.com}}}
              - name: invalid2
                lifecycle: {preStop: {tcpSocket: {host: b.com}}}
                startupProbe: {httpGet: {host: a.com}}
            """,
            "probe or lifecycle host",
            "containers \"invalid1\", \"invalid2\" use probe or lifecycle hosts \"a.com\","
                + " \"b.com\""),
        new Case(
            "hostProbesAndHostLifecycle init container",
            HostProbesAndHostLifecycleCheck::hostProbesAndHostLifecycle_1_34,
            """
            spec:
              initContainers: [{name: init, livenessProbe: {httpGet: {host: invalid.init.host}}}]
            """,
            "probe or lifecycle host",
            "container \"init\" uses probe or lifecycle host \"invalid.init.host\""),
        new Case(
            "privileged multiple containers",
            PrivilegedCheck::privileged_1_0,
            """
            spec:
              containers:
              - {name: a}
              - {name: b, securityContext: {}}
              - {name: c, securityContext: {privileged: false}}
              - {name: d, securityContext: {privileged: true}}
              - {name: e, securityContext: {privileged: true}}
            """,
            "privileged",
            "containers \"d\", \"e\" must not set securityContext.privileged=true"),
        new Case(
            "procMount v1.0 ignores hostUsers",
            ProcMountCheck::procMount_1_0,
            """
            spec:
              hostUsers: false
              containers:
              - {name: a}
              - {name: b, securityContext: {}}
              - {name: c, securityContext: {procMount: Default}}
              - {name: d, securityContext: {procMount: Unmasked}}
              - {name: e, securityContext: {procMount: other}}
            """,
            "procMount",
            "containers \"d\", \"e\" must not set securityContext.procMount to \"Unmasked\","
                + " \"other\""),
        new Case(
            "procMount v1.35 host users",
            ProcMountCheck::procMount_1_35,
            """
            spec:
              hostUsers: true
              containers:
              - {name: d, securityContext: {procMount: Unmasked}}
            """,
            "procMount",
            "container \"d\" must not set securityContext.procMount to \"Unmasked\""),
        new Case(
            "restrictedVolumes every restricted type",
            RestrictedVolumesCheck::restrictedVolumes_1_0,
            """
            spec:
              volumes:
              - {name: a1, emptyDir: {}}
              - {name: a2, secret: {}}
              - {name: a3, persistentVolumeClaim: {}}
              - {name: a4, downwardAPI: {}}
              - {name: a5, configMap: {}}
              - {name: a6, projected: {}}
              - {name: a7, csi: {}}
              - {name: a8, ephemeral: {}}
              - {name: a9, image: {}}
              - {name: b1, hostPath: {}}
              - {name: b2, gcePersistentDisk: {}}
              - {name: b3, awsElasticBlockStore: {}}
              - {name: b4, gitRepo: {}}
              - {name: b5, nfs: {}}
              - {name: b6, iscsi: {}}
              - {name: b7, glusterfs: {}}
              - {name: b8, rbd: {}}
              - {name: b9, flexVolume: {}}
              - {name: b10, cinder: {}}
              - {name: b11, cephfs: {}}
              - {name: b12, flocker: {}}
              - {name: b13, fc: {}}
              - {name: b14, azureFile: {}}
              - {name: b15, vsphereVolume: {}}
              - {name: b16, quobyte: {}}
              - {name: b17, azureDisk: {}}
              - {name: b18, photonPersistentDisk: {}}
              - {name: b19, portworxVolume: {}}
              - {name: b20, scaleIO: {}}
              - {name: b21, storageos: {}}
              - {name: c1}
            """,
            "restricted volume types",
            "volumes \"b1\", \"b2\", \"b3\", \"b4\", \"b5\", \"b6\", \"b7\", \"b8\", \"b9\","
                + " \"b10\", \"b11\", \"b12\", \"b13\", \"b14\", \"b15\", \"b16\", \"b17\","
                + " \"b18\", \"b19\", \"b20\", \"b21\" use restricted volume types"
                + " \"awsElasticBlockStore\", \"azureDisk\", \"azureFile\", \"cephfs\", \"cinder\","
                + " \"fc\", \"flexVolume\", \"flocker\", \"gcePersistentDisk\", \"gitRepo\","
                + " \"glusterfs\", \"hostPath\", \"iscsi\", \"nfs\", \"photonPersistentDisk\","
                + " \"portworxVolume\", \"quobyte\", \"rbd\", \"scaleIO\", \"storageos\","
                + " \"vsphereVolume\""),
        new Case(
            "restrictedVolumes one volume",
            RestrictedVolumesCheck::restrictedVolumes_1_0,
            """
            spec:
              volumes: [{name: data, nfs: {server: x, path: /}}]
            """,
            "restricted volume types",
            "volume \"data\" uses restricted volume type \"nfs\""),
        new Case(
            "runAsNonRoot no explicit runAsNonRoot",
            RunAsNonRootCheck::runAsNonRoot_1_35,
            """
            spec:
              containers: [{name: a}]
            """,
            "runAsNonRoot != true",
            "pod or container \"a\" must set securityContext.runAsNonRoot=true"),
        new Case(
            "runAsNonRoot pod runAsNonRoot=false",
            RunAsNonRootCheck::runAsNonRoot_1_35,
            """
            spec:
              securityContext: {runAsNonRoot: false}
              containers: [{name: a}]
            """,
            "runAsNonRoot != true",
            "pod must not set securityContext.runAsNonRoot=false"),
        new Case(
            "runAsNonRoot containers runAsNonRoot=false",
            RunAsNonRootCheck::runAsNonRoot_1_35,
            """
            spec:
              securityContext: {runAsNonRoot: true}
              containers:
              - {name: a}
              - {name: b, securityContext: {}}
              - {name: c, securityContext: {runAsNonRoot: false}}
              - {name: d, securityContext: {runAsNonRoot: false}}
              - {name: e, securityContext: {runAsNonRoot: true}}
              - {name: f, securityContext: {runAsNonRoot: true}}
            """,
            "runAsNonRoot != true",
            "containers \"c\", \"d\" must not set securityContext.runAsNonRoot=false"),
        new Case(
            "runAsNonRoot pod nil, container fallthrough",
            RunAsNonRootCheck::runAsNonRoot_1_35,
            """
            spec:
              containers:
              - {name: a}
              - {name: b, securityContext: {}}
              - {name: d, securityContext: {runAsNonRoot: true}}
              - {name: e, securityContext: {runAsNonRoot: true}}
            """,
            "runAsNonRoot != true",
            "pod or containers \"a\", \"b\" must set securityContext.runAsNonRoot=true"),
        new Case(
            "runAsNonRoot v1.0 ignores hostUsers",
            RunAsNonRootCheck::runAsNonRoot_1_0,
            """
            spec:
              hostUsers: false
              containers: [{name: a}]
            """,
            "runAsNonRoot != true",
            "pod or container \"a\" must set securityContext.runAsNonRoot=true"),
        new Case(
            "runAsUser pod runAsUser=0",
            RunAsUserCheck::runAsUser_1_35,
            """
            spec:
              securityContext: {runAsUser: 0}
              containers: [{name: a}]
            """,
            "runAsUser=0",
            "pod must not set runAsUser=0"),
        new Case(
            "runAsUser containers runAsUser=0",
            RunAsUserCheck::runAsUser_1_35,
            """
            spec:
              securityContext: {runAsUser: 1000}
              containers:
              - {name: a}
              - {name: b, securityContext: {}}
              - {name: c, securityContext: {runAsUser: 0}}
              - {name: d, securityContext: {runAsUser: 0}}
              - {name: e, securityContext: {runAsUser: 1}}
              - {name: f, securityContext: {runAsUser: 1}}
            """,
            "runAsUser=0",
            "containers \"c\", \"d\" must not set runAsUser=0"),
        new Case(
            "runAsUser host users true",
            RunAsUserCheck::runAsUser_1_35,
            """
            spec:
              hostUsers: true
              securityContext: {runAsUser: 0}
              containers: [{name: a}]
            """,
            "runAsUser=0",
            "pod must not set runAsUser=0"),
        new Case(
            "seLinuxOptions invalid pod and containers",
            SeLinuxOptionsCheck::seLinuxOptions_1_31,
            """
            spec:
              securityContext: {seLinuxOptions: {type: foo, user: bar, role: baz}}
              containers:
              - {name: a, securityContext: {seLinuxOptions: {type: container_t}}}
              - {name: b, securityContext: {seLinuxOptions: {type: container_init_t}}}
              - {name: c, securityContext: {seLinuxOptions: {type: container_kvm_t}}}
              - {name: d, securityContext: {seLinuxOptions: {type: container_engine_t}}}
              - {name: e, securityContext: {seLinuxOptions: {type: bar}}}
              - {name: f, securityContext: {seLinuxOptions: {user: bar}}}
              - {name: g, securityContext: {seLinuxOptions: {role: baz}}}
            """,
            "seLinuxOptions",
            "pod and containers \"e\", \"f\", \"g\" set forbidden securityContext.seLinuxOptions:"
                + " types \"bar\", \"foo\"; user may not be set; role may not be set"),
        new Case(
            "seLinuxOptions v1.0 forbids container_engine_t",
            SeLinuxOptionsCheck::seLinuxOptions_1_0,
            """
            spec:
              containers:
              - {name: c, securityContext: {seLinuxOptions: {type: container_kvm_t}}}
              - {name: d, securityContext: {seLinuxOptions: {type: container_engine_t}}}
            """,
            "seLinuxOptions",
            "container \"d\" set forbidden securityContext.seLinuxOptions: type"
                + " \"container_engine_t\""),
        new Case(
            "seLinuxOptions invalid containers",
            SeLinuxOptionsCheck::seLinuxOptions_1_31,
            """
            spec:
              securityContext: {seLinuxOptions: {}}
              containers:
              - {name: a, securityContext: {seLinuxOptions: {type: container_t}}}
              - {name: e, securityContext: {seLinuxOptions: {type: bar}}}
              - {name: f, securityContext: {seLinuxOptions: {user: bar}}}
              - {name: g, securityContext: {seLinuxOptions: {role: baz}}}
            """,
            "seLinuxOptions",
            "containers \"e\", \"f\", \"g\" set forbidden securityContext.seLinuxOptions: type"
                + " \"bar\"; user may not be set; role may not be set"),
        new Case(
            "seLinuxOptions bad user",
            SeLinuxOptionsCheck::seLinuxOptions_1_31,
            """
            spec:
              securityContext: {seLinuxOptions: {user: bad}}
            """,
            "seLinuxOptions",
            "pod set forbidden securityContext.seLinuxOptions: user may not be set"),
        new Case(
            "seLinuxOptions bad role",
            SeLinuxOptionsCheck::seLinuxOptions_1_31,
            """
            spec:
              securityContext: {seLinuxOptions: {role: bad}}
            """,
            "seLinuxOptions",
            "pod set forbidden securityContext.seLinuxOptions: role may not be set"),
        new Case(
            "seccompProfile_baseline v1.0 pod annotation",
            SeccompProfileBaselineCheck::seccompProfileBaseline_1_0,
            """
            metadata:
              annotations: {seccomp.security.alpha.kubernetes.io/pod: unconfined}
            """,
            "seccompProfile",
            "forbidden annotation seccomp.security.alpha.kubernetes.io/pod=\"unconfined\""),
        new Case(
            "seccompProfile_baseline v1.0 pod and container annotations",
            SeccompProfileBaselineCheck::seccompProfileBaseline_1_0,
            """
            metadata:
              annotations:
                seccomp.security.alpha.kubernetes.io/pod: unconfined
                container.seccomp.security.alpha.kubernetes.io/a: unconfined
                container.seccomp.security.alpha.kubernetes.io/b: unknown
            spec:
              containers: [{name: a}, {name: b}, {name: c}]
            """,
            "seccompProfile",
            "forbidden annotations container.seccomp.security.alpha.kubernetes.io/a=\"unconfined\","
                + " container.seccomp.security.alpha.kubernetes.io/b=\"unknown\","
                + " seccomp.security.alpha.kubernetes.io/pod=\"unconfined\""),
        new Case(
            "seccompProfile_baseline v1.19 pod and containers",
            SeccompProfileBaselineCheck::seccompProfileBaseline_1_19,
            """
            spec:
              securityContext: {seccompProfile: {type: Unconfined}}
              containers:
              - {name: a}
              - {name: b, securityContext: {}}
              - {name: c, securityContext: {seccompProfile: {type: Unconfined}}}
              - {name: d, securityContext: {seccompProfile: {type: Unconfined}}}
              - {name: e, securityContext: {seccompProfile: {type: RuntimeDefault}}}
            """,
            "seccompProfile",
            "pod and containers \"c\", \"d\" must not set securityContext.seccompProfile.type to"
                + " \"Unconfined\""),
        new Case(
            "seccompProfile_restricted no explicit seccomp",
            SeccompProfileRestrictedCheck::seccompProfileRestricted_1_19,
            """
            spec:
              containers: [{name: a}]
            """,
            "seccompProfile",
            "pod or container \"a\" must set securityContext.seccompProfile.type to"
                + " \"RuntimeDefault\" or \"Localhost\""),
        new Case(
            "seccompProfile_restricted containers seccomp invalid",
            SeccompProfileRestrictedCheck::seccompProfileRestricted_1_25,
            """
            spec:
              securityContext: {seccompProfile: {type: RuntimeDefault}}
              containers:
              - {name: a}
              - {name: c, securityContext: {seccompProfile: {type: Unconfined}}}
              - {name: d, securityContext: {seccompProfile: {type: Unconfined}}}
            """,
            "seccompProfile",
            "containers \"c\", \"d\" must not set securityContext.seccompProfile.type to"
                + " \"Unconfined\""),
        new Case(
            "seccompProfile_restricted pod nil, container fallthrough",
            SeccompProfileRestrictedCheck::seccompProfileRestricted_1_19,
            """
            spec:
              containers:
              - {name: a}
              - {name: b, securityContext: {}}
              - {name: d, securityContext: {seccompProfile: {type: RuntimeDefault}}}
            """,
            "seccompProfile",
            "pod or containers \"a\", \"b\" must set securityContext.seccompProfile.type to"
                + " \"RuntimeDefault\" or \"Localhost\""),
        new Case(
            "sysctls forbidden sysctls",
            SysctlsCheck.check().versions().get(0).fn(),
            """
            spec:
              securityContext: {sysctls: [{name: a}, {name: b}]}
            """,
            "forbidden sysctls",
            "a, b"),
        new Case(
            "sysctls new supported sysctl not supported at v1.0",
            SysctlsCheck.check().versions().get(0).fn(),
            """
            spec:
              securityContext: {sysctls: [{name: net.ipv4.ip_local_reserved_ports, value: 1024-4999}]}
            """,
            "forbidden sysctls",
            "net.ipv4.ip_local_reserved_ports"),
        new Case(
            "sysctls v1.32 sysctl not supported at v1.29",
            SysctlsCheck.check().versions().get(2).fn(),
            """
            spec:
              securityContext: {sysctls: [{name: net.ipv4.tcp_rmem}, {name: kernel.shm_rmid_forced}, {name: net.ipv4.tcp_wmem}]}
            """,
            "forbidden sysctls",
            "net.ipv4.tcp_rmem, net.ipv4.tcp_wmem"),
        new Case(
            "windowsHostProcess pod and containers",
            WindowsHostProcessCheck::windowsHostProcess_1_0,
            """
            spec:
              securityContext: {windowsOptions: {hostProcess: true}}
              containers:
              - {name: a}
              - {name: b, securityContext: {}}
              - {name: c, securityContext: {windowsOptions: {}}}
              - {name: d, securityContext: {windowsOptions: {hostProcess: false}}}
              - {name: e, securityContext: {windowsOptions: {hostProcess: true}}}
              - {name: f, securityContext: {windowsOptions: {hostProcess: true}}}
            """,
            "hostProcess",
            "pod and containers \"e\", \"f\" must not set"
                + " securityContext.windowsOptions.hostProcess=true"),
        new Case(
            "allowPrivilegeEscalation multiple containers",
            AllowPrivilegeEscalationCheck::allowPrivilegeEscalation_1_8,
            """
            spec:
              containers:
              - {name: a}
              - {name: b, securityContext: {}}
              - {name: c, securityContext: {allowPrivilegeEscalation: true}}
              - {name: d, securityContext: {allowPrivilegeEscalation: false}}
            """,
            "allowPrivilegeEscalation != false",
            "containers \"a\", \"b\", \"c\" must set"
                + " securityContext.allowPrivilegeEscalation=false"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forbidden")
  void check_violatingPod_reportsUpstreamReasonAndDetail(Case c) {
    CheckResult r = c.check().check(TestObjects.view(c.pod()));

    assertThat(r.allowed()).isFalse();
    assertThat(r.reason()).isEqualTo(c.reason());
    assertThat(r.detail()).isEqualTo(c.detail());
  }

  private record Allowed(String name, CheckFn check, String pod) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Allowed> allowed() {
    return Stream.of(
        new Allowed(
            "appArmorProfile default annotation and extra annotations",
            AppArmorProfileCheck::appArmorProfile_1_0,
            """
            metadata:
              annotations: {container.apparmor.security.beta.kubernetes.io/test: runtime/default, env: prod}
            """),
        new Allowed(
            "appArmorProfile localhost annotation",
            AppArmorProfileCheck::appArmorProfile_1_0,
            """
            metadata:
              annotations: {container.apparmor.security.beta.kubernetes.io/test: localhost/sec-profile01}
            """),
        new Allowed(
            "appArmorProfile runtime default pod and localhost container",
            AppArmorProfileCheck::appArmorProfile_1_0,
            """
            spec:
              securityContext: {appArmorProfile: {type: RuntimeDefault}}
              containers: [{name: foo, securityContext: {appArmorProfile: {type: Localhost, localhostProfile: p}}}]
            """),
        new Allowed(
            "hostProbesAndHostLifecycle no host",
            HostProbesAndHostLifecycleCheck::hostProbesAndHostLifecycle_1_34,
            """
            spec:
              containers:
              - name: a
                livenessProbe: {httpGet: {port: 8080, host: ''}}
                lifecycle: {postStart: {httpGet: {port: 8080}}}
            """),
        new Allowed(
            "procMount v1.35 user namespace",
            ProcMountCheck::procMount_1_35,
            """
            spec:
              hostUsers: false
              containers: [{name: d, securityContext: {procMount: Unmasked}}]
            """),
        new Allowed(
            "runAsNonRoot v1.35 user namespace",
            RunAsNonRootCheck::runAsNonRoot_1_35,
            """
            spec: {hostUsers: false}
            """),
        new Allowed(
            "runAsUser non-zero",
            RunAsUserCheck::runAsUser_1_23,
            """
            spec:
              containers:
              - {name: c, securityContext: {runAsUser: 1}}
              - {name: d, securityContext: {runAsUser: 2}}
            """),
        new Allowed(
            "restrictedVolumes volume without source is defaulted to emptyDir",
            RestrictedVolumesCheck::restrictedVolumes_1_0,
            """
            spec:
              volumes: [{name: v}]
            """),
        new Allowed(
            "hostPorts no hostNetwork defaulting for ephemeral containers",
            HostPortsCheck::hostPorts_1_0,
            """
            spec:
              hostNetwork: true
              ephemeralContainers: [{name: debug, ports: [{containerPort: 80}]}]
            """),
        new Allowed(
            "allowPrivilegeEscalation windows pod at v1.25",
            AllowPrivilegeEscalationCheck::allowPrivilegeEscalation_1_25,
            """
            spec:
              os: {name: windows}
              containers: [{name: a}]
            """),
        new Allowed(
            "capabilities_restricted windows pod at v1.25",
            CapabilitiesRestrictedCheck::capabilitiesRestricted_1_25,
            """
            spec:
              os: {name: windows}
              containers: [{name: a}]
            """),
        new Allowed(
            "seccompProfile_restricted windows pod at v1.25",
            SeccompProfileRestrictedCheck::seccompProfileRestricted_1_25,
            """
            spec:
              os: {name: windows}
              containers: [{name: a}]
            """),
        new Allowed(
            "sysctls v1.37 sysctls",
            SysctlsCheck.check().versions().get(4).fn(),
            """
            spec:
              securityContext: {sysctls: [{name: net.ipv4.tcp_slow_start_after_idle}, {name: net.ipv4.tcp_notsent_lowat}]}
            """));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allowed")
  void check_compliantPod_allows(Allowed c) {
    assertThat(c.check().check(TestObjects.view(c.pod()))).isEqualTo(CheckResult.ALLOWED);
  }
}
