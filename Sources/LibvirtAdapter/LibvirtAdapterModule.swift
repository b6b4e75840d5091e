import CLibvirt
public enum LibvirtAdapterModule {}
