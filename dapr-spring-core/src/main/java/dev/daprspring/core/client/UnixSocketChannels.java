package dev.daprspring.core.client;

import io.grpc.netty.NettyChannelBuilder;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * gRPC channels to a Unix domain socket, over Netty's native epoll transport (grpc-netty
 * takes a socket as Netty's {@code DomainSocketAddress}, which epoll serves). Epoll is an
 * optional dependency, so this class is only loaded once an endpoint names a socket.
 */
final class UnixSocketChannels {

	private UnixSocketChannels() {
	}

	/** A builder for the socket; the caller has checked that epoll is on the classpath. */
	static NettyChannelBuilder builder(String socketPath) {
		if (!Epoll.isAvailable()) {
			throw new IllegalStateException("Netty's native epoll transport is on the classpath but cannot run here ("
					+ Epoll.unavailabilityCause() + "); Unix domain sockets to the Dapr sidecar need Linux and the "
					+ "netty-transport-native-epoll file for this CPU. Use a TCP endpoint such as "
					+ "http://127.0.0.1:50001 instead", Epoll.unavailabilityCause());
		}
		return NettyChannelBuilder.forAddress(new DomainSocketAddress(socketPath))
			.eventLoopGroup(Group.INSTANCE)
			.channelType(EpollDomainSocketChannel.class)
			// gRPC sets SO_KEEPALIVE on every channel; a domain socket has none, and Netty would
			// warn about it on every connect. A null value removes the option.
			.withOption(ChannelOption.SO_KEEPALIVE, null);
	}

	/**
	 * One event loop group for every socket channel of the JVM, created on first use, with
	 * daemon threads (as gRPC shares its own default group): channels come and go with
	 * application contexts, and a group per channel would need shutting down with each.
	 */
	private static final class Group {

		static final EventLoopGroup INSTANCE = new MultiThreadIoEventLoopGroup(
				Math.max(2, Runtime.getRuntime().availableProcessors()),
				new DefaultThreadFactory("dapr-uds", true), EpollIoHandler.newFactory());

	}

}
